package io.newsmonitor.model;

import java.util.List;

/**
 * One condition of a subscription that held for an alert, and what in the announcement made it hold.
 *
 * @param condition the condition as the rule language writes it, e.g. {@code theme: regulation >= 0.5}
 * @param terms     the evidence: actor ids, theme terms, matched keyword phrases
 */
public record MatchReason(String condition, List<String> terms) {

    public MatchReason {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }
}
