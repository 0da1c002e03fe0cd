package io.newsmonitor.model;

import java.util.List;
import java.util.Objects;

/**
 * What a user wants to be alerted about: the value of the compacted topic {@code newsmonitor.subscriptions}, keyed by
 * {@link #id()} (a tombstone deletes it). Every condition given must hold; empty lists mean "any".
 *
 * @param id            unique id, also the alert key prefix
 * @param name          human name
 * @param actors        actor ids that must all be present (countries, groups, organisations, people)
 * @param anyActors     actor ids of which at least one must be present
 * @param themes        theme ids that must all be present
 * @param aiCooperation when {@code true}, only announcements of AI cooperation match
 * @param languages     detected languages accepted
 */
public record Subscription(
        String id,
        String name,
        List<String> actors,
        List<String> anyActors,
        List<String> themes,
        boolean aiCooperation,
        List<String> languages) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        actors = actors == null ? List.of() : List.copyOf(actors);
        anyActors = anyActors == null ? List.of() : List.copyOf(anyActors);
        themes = themes == null ? List.of() : List.copyOf(themes);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** Whether the announcement satisfies every condition of this subscription. */
    public boolean matches(ClassifiedAnnouncement a) {
        return (!aiCooperation || a.aiCooperation())
                && actors.stream().allMatch(a::hasActor)
                && (anyActors.isEmpty() || anyActors.stream().anyMatch(a::hasActor))
                && themes.stream().allMatch(a::hasTheme)
                && (languages.isEmpty() || a.language() != null && languages.contains(a.language()));
    }
}
