package io.newsmonitor.rules;

import io.newsmonitor.model.MatchReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code all}, {@code any} or {@code none} of the conditions it holds. An empty {@code all} always holds (a
 * subscription without conditions matches everything). An {@code any} evaluates every member, so that its reasons
 * name each alternative that held, not just the first.
 */
record Group(Kind kind, List<Condition> members) implements Condition {

    /** How the members combine. */
    enum Kind {
        ALL("all"), ANY("any"), NONE("none");

        final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }
    }

    Group {
        members = List.copyOf(members);
    }

    @Override
    public Optional<List<MatchReason>> test(Facts facts) {
        return switch (kind) {
            case ALL -> all(facts);
            case ANY -> any(facts);
            case NONE -> any(facts).isPresent() ? Optional.empty() : held(List.of());
        };
    }

    private Optional<List<MatchReason>> all(Facts facts) {
        List<MatchReason> reasons = new ArrayList<>();
        for (Condition member : members) {
            Optional<List<MatchReason>> result = member.test(facts);
            if (result.isEmpty()) {
                return Optional.empty();
            }
            reasons.addAll(result.get());
        }
        return Optional.of(reasons);
    }

    private Optional<List<MatchReason>> any(Facts facts) {
        List<MatchReason> reasons = new ArrayList<>();
        boolean holds = false;
        for (Condition member : members) {
            Optional<List<MatchReason>> result = member.test(facts);
            if (result.isPresent()) {
                holds = true;
                reasons.addAll(result.get());
            }
        }
        return holds ? Optional.of(reasons) : Optional.empty();
    }

    @Override
    public String describe() {
        return kind.keyword + ": " + members.stream().map(Condition::describe).toList();
    }

    @Override
    public void addTrendSubjects(Set<String> subjects) {
        if (kind != Kind.NONE) {
            members.forEach(m -> m.addTrendSubjects(subjects));
        }
    }

    @Override
    public boolean readsSourceTags() {
        return members.stream().anyMatch(Condition::readsSourceTags);
    }
}
