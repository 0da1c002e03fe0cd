package io.newsmonitor.model;

import java.util.List;

/**
 * The cooperation found in an announcement.
 *
 * @param parties actor ids of the cooperating parties, sorted
 * @param pairs   each pair of parties that count as distinct partners, each pair sorted, the list sorted
 * @param cues    the cooperation cues found, as written in the text
 */
public record Cooperation(List<String> parties, List<List<String>> pairs, List<String> cues) {

    public static final Cooperation NONE = new Cooperation(List.of(), List.of(), List.of());

    public Cooperation {
        parties = List.copyOf(parties);
        pairs = pairs.stream().map(List::copyOf).toList();
        cues = List.copyOf(cues);
    }
}
