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
 * @param themeHeads  one-word theme terms of {@value #MIN_HEAD_CHARS} characters or more by analysed form, for the
 *                    heads of German compounds ({@code Spitzenforschung} ends with {@code forschung})
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
        Map<String, List<ThemeTerm>> themeHeads,
        PhraseMatcher<String> cueTerms,
        PhraseMatcher<String> cueRaw,
        String version) {

    /** The id of the theme that decides whether an announcement is about AI. */
    public static final String AI = "ai";

    /** Shortest one-word theme term that may be the head of a compound: shorter ones end too many words. */
    public static final int MIN_HEAD_CHARS = 6;

    public Taxonomy {
        actors = Map.copyOf(actors);
        themes = List.copyOf(themes);
        themeHeads = Map.copyOf(themeHeads);
    }
}
