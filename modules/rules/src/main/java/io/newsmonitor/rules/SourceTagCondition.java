package io.newsmonitor.rules;

import io.newsmonitor.model.MatchReason;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sourceTag: ...}: holds when the announcement's source carries one of the tags (see {@link SourceTags}).
 * Evidence: the tags that matched.
 */
record SourceTagCondition(List<String> tags) implements Condition {

    SourceTagCondition {
        tags = List.copyOf(tags);
    }

    @Override
    public Optional<List<MatchReason>> test(Facts facts) {
        List<String> matched = facts.sourceTags().stream().filter(tags::contains).distinct().toList();
        return matched.isEmpty() ? Optional.empty() : held(matched);
    }

    @Override
    public String describe() {
        return "sourceTag: " + Condition.alternatives(tags);
    }

    @Override
    public void addTrendSubjects(Set<String> subjects) {
        // tags are not subjects of trends
    }

    @Override
    public boolean readsSourceTags() {
        return true;
    }
}
