package io.newsmonitor.rules;

import io.newsmonitor.model.MatchReason;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One node of a compiled rule: a condition on an announcement, or a group of them. Immutable; thread-safe. */
interface Condition {

    /**
     * Whether it holds for the announcement, and if so the reasons: each condition that held with its evidence terms.
     */
    Optional<List<MatchReason>> test(Facts facts);

    /** The condition as the rule language writes it, e.g. {@code theme: regulation >= 0.5}. */
    String describe();

    /**
     * Adds what it names positively to trend subjects ({@code actors/FR}, {@code themes/ai}, {@code pairs/FR+TN});
     * a negated condition names nothing.
     */
    void addTrendSubjects(Set<String> subjects);

    /** Whether it reads the source's tags. */
    default boolean readsSourceTags() {
        return false;
    }

    /** The reasons of a condition that held with these evidence terms. */
    default Optional<List<MatchReason>> held(List<String> terms) {
        return Optional.of(List.of(new MatchReason(describe(), terms)));
    }

    /** How a list of alternatives is written: the one value alone, else {@code [a, b]}. */
    static String alternatives(List<String> values) {
        return values.size() == 1 ? values.get(0) : values.toString();
    }
}
