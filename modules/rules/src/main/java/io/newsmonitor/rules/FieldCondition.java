package io.newsmonitor.rules;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.MatchReason;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code language: ...} or {@code source: ...}: holds when that field of the announcement is one of the values.
 * Evidence: the field's value.
 *
 * @param name   the condition's name in the rule language
 * @param field  what it reads of the announcement
 * @param values the values accepted
 */
record FieldCondition(String name, Function<ClassifiedAnnouncement, String> field, List<String> values)
        implements Condition {

    FieldCondition {
        values = List.copyOf(values);
    }

    @Override
    public Optional<List<MatchReason>> test(Facts facts) {
        String value = field.apply(facts.announcement());
        return value != null && values.contains(value) ? held(List.of(value)) : Optional.empty();
    }

    @Override
    public String describe() {
        return name + ": " + Condition.alternatives(values);
    }

    @Override
    public void addTrendSubjects(Set<String> subjects) {
        // languages and sources are not subjects of trends
    }
}
