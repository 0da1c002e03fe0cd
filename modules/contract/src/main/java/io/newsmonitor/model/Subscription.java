package io.newsmonitor.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

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

    /** What a subscription id may hold: it prefixes alert keys. */
    public static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    /**
     * @throws InvalidFieldException when the id is unusable or a list holds a blank entry
     */
    public Subscription {
        Objects.requireNonNull(id, "id");
        if (!VALID_ID.matcher(id).matches()) {
            throw new InvalidFieldException("id", "'" + id + "' must be letters, digits, '.', '_' or '-'");
        }
        name = name == null ? id : name;
        actors = actors == null ? List.of() : List.copyOf(actors);
        anyActors = anyActors == null ? List.of() : List.copyOf(anyActors);
        themes = themes == null ? List.of() : List.copyOf(themes);
        languages = languages == null ? List.of() : List.copyOf(languages);
        for (List<String> list : List.of(actors, anyActors, themes, languages)) {
            if (list.stream().anyMatch(String::isBlank)) {
                throw new InvalidFieldException("conditions", "a condition is blank");
            }
        }
    }
}
