package io.newsmonitor.processor.taxonomy;

import io.newsmonitor.text.PhraseMatcher;
import java.util.List;
import java.util.Map;

/**
 * The classifier's knowledge, compiled from {@code actors.yaml} and {@code themes.yaml}: the actors and themes, and
 * matchers for their phrases (analysed, case-insensitive; actor names unstemmed, theme terms and cues stemmed) and
 * acronyms (raw, case-sensitive), and for cooperation cues. Immutable; thread-safe.
 *
 * @param actors      actors by id
 * @param themes      themes in file order
 * @param actorTerms  names, adjectives, prefixes, capitals, aliases
 * @param actorRaw    acronyms and case-sensitive brands
 * @param themeTerms  theme terms
 * @param themeRaw    theme acronyms
 * @param cueTerms    cooperation cues
 * @param cueRaw      cooperation cue acronyms ({@code MoU})
 * @param version     hash of the dictionary files, written on every classification
 */
public record Taxonomy(
        Map<String, Actor> actors,
        List<Theme> themes,
        PhraseMatcher<ActorTerm> actorTerms,
        PhraseMatcher<ActorTerm> actorRaw,
        PhraseMatcher<ThemeTerm> themeTerms,
        PhraseMatcher<ThemeTerm> themeRaw,
        PhraseMatcher<String> cueTerms,
        PhraseMatcher<String> cueRaw,
        String version) {

    /** The id of the theme that decides whether an announcement is about AI. */
    public static final String AI = "ai";

    public Taxonomy {
        actors = Map.copyOf(actors);
        themes = List.copyOf(themes);
    }
}
