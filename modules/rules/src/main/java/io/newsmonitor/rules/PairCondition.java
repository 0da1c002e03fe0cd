package io.newsmonitor.rules;

import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.MatchReason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pair: [A, B]}: holds when the cooperation found pairs an actor named by one side with an actor named by the
 * other, in either order ("FR with any Maghreb country" is {@code pair: [FR, {memberOf: maghreb}]}). Evidence: the
 * pairs that matched, written {@code DZ+FR}.
 *
 * @param first  one side
 * @param second the other side
 * @param types  the type of every known actor id, for sides given by type
 */
record PairCondition(ActorRef first, ActorRef second, Map<String, ActorType> types) implements Condition {

    @Override
    public Optional<List<MatchReason>> test(Facts facts) {
        List<String> matched = facts.announcement().cooperation().pairs().stream()
                .filter(p -> p.size() == 2 && (joins(first, second, p) || joins(second, first, p)))
                .map(PairCondition::key).toList();
        return matched.isEmpty() ? Optional.empty() : held(matched);
    }

    private boolean joins(ActorRef a, ActorRef b, List<String> pair) {
        return a.matches(pair.get(0), types.get(pair.get(0))) && b.matches(pair.get(1), types.get(pair.get(1)));
    }

    /** A pair as the aggregates and trends key it: its two ids sorted, joined by {@code +}. */
    static String key(List<String> pair) {
        return pair.get(0).compareTo(pair.get(1)) <= 0 ? pair.get(0) + "+" + pair.get(1)
                : pair.get(1) + "+" + pair.get(0);
    }

    @Override
    public String describe() {
        return "pair: " + first.describe() + " with " + second.describe();
    }

    /** Every pair both sides name by id or group, when both do (a side by type or "any" names too many). */
    @Override
    public void addTrendSubjects(Set<String> subjects) {
        for (String a : first.namedIds()) {
            for (String b : second.namedIds()) {
                if (!a.equals(b)) {
                    subjects.add("pairs/" + key(List.of(a, b)));
                }
            }
        }
    }
}
