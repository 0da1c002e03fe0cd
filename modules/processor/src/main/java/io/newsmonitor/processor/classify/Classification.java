package io.newsmonitor.processor.classify;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.Cooperation;
import io.newsmonitor.model.Evidence;
import io.newsmonitor.model.ThemeScore;
import java.util.List;

/**
 * What the classifier found in one text.
 *
 * @param actors        actors, most mentioned first
 * @param countries     ISO ids of the countries among them, sorted
 * @param themes        themes present, highest score first
 * @param aiCooperation whether the text announces AI cooperation between distinct parties
 * @param cooperation   parties, pairs and cues
 * @param evidence      every match behind the above, in text order
 * @param mentions      every actor match, those dropped as context included: spans that are no event's own names
 */
public record Classification(List<ActorMention> actors, List<String> countries, List<ThemeScore> themes,
                             boolean aiCooperation, Cooperation cooperation, List<Evidence> evidence,
                             List<Evidence> mentions) {
}
