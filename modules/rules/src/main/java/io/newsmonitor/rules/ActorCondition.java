package io.newsmonitor.rules;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.MatchReason;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code actor: ...} (among the actors found) or {@code country: ...} (among the countries found): holds when one of
 * them is named by one of the references. Evidence: the ids of the actors that matched.
 */
record ActorCondition(boolean countriesOnly, List<ActorRef> refs) implements Condition {

    ActorCondition {
        refs = List.copyOf(refs);
    }

    @Override
    public Optional<List<MatchReason>> test(Facts facts) {
        ClassifiedAnnouncement a = facts.announcement();
        List<String> matched = countriesOnly
                ? a.countries().stream().filter(id -> named(id, ActorType.COUNTRY)).toList()
                : a.actors().stream().filter(m -> named(m.id(), m.type())).map(ActorMention::id).toList();
        return matched.isEmpty() ? Optional.empty() : held(matched);
    }

    private boolean named(String id, ActorType type) {
        return refs.stream().anyMatch(r -> r.matches(id, type));
    }

    @Override
    public String describe() {
        return (countriesOnly ? "country: " : "actor: ")
                + Condition.alternatives(refs.stream().map(ActorRef::describe).toList());
    }

    @Override
    public void addTrendSubjects(Set<String> subjects) {
        refs.forEach(r -> r.namedIds().forEach(id -> subjects.add("actors/" + id)));
    }
}
