package io.newsmonitor.rules;

import io.newsmonitor.model.MatchReason;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code aiCooperation: true|false}: holds when the classifier's decision is the one asked for. Evidence: the
 * cooperation cues found, when it announces cooperation.
 */
record CooperationCondition(boolean wanted) implements Condition {

    @Override
    public Optional<List<MatchReason>> test(Facts facts) {
        if (facts.announcement().aiCooperation() != wanted) {
            return Optional.empty();
        }
        return held(wanted ? facts.announcement().cooperation().cues() : List.of());
    }

    @Override
    public String describe() {
        return "aiCooperation: " + wanted;
    }

    @Override
    public void addTrendSubjects(Set<String> subjects) {
        // a decision, not a subject of trends
    }
}
