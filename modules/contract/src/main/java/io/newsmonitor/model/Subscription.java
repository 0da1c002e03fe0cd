package io.newsmonitor.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a user wants to be alerted about: the value of the compacted topic {@code newsmonitor.subscriptions}, keyed by
 * {@link #id()} (a tombstone deletes it).
 *
 * <p>The conditions are the shorthand lists ({@code actors}, {@code anyActors}, {@code themes},
 * {@code aiCooperation}, {@code languages}: every one given must hold, empty means "any") and {@link #rule()}, a tree
 * of the rule language ({@code all} / {@code any} / {@code none} groups over conditions). The contract carries the
 * rule as the user wrote it; its meaning and validation belong to the rules module, so that a consumer written in any
 * language reads the same tree.
 *
 * @param id            unique id, also the alert key prefix
 * @param name          human name
 * @param actors        actor ids that must all be present (countries, groups, organisations, people)
 * @param anyActors     actor ids of which at least one must be present
 * @param themes        theme ids that must all be present
 * @param aiCooperation when {@code true}, only announcements of AI cooperation match
 * @param languages     detected languages accepted
 * @param rule          the rule-language tree (empty: no further condition); plain maps, lists, strings, numbers
 *                      and booleans, as read from YAML or JSON
 * @param webhook       where alerts are POSTed, or {@code null}
 * @param backfill      on creation, alert on what already matched this far back (zero: only from now on)
 * @param trendAlerts   whether trends of the actors, themes and pairs this subscription names raise alerts too
 */
public record Subscription(
        String id,
        String name,
        List<String> actors,
        List<String> anyActors,
        List<String> themes,
        Boolean aiCooperation,
        List<String> languages,
        Map<String, Object> rule,
        Webhook webhook,
        Duration backfill,
        Boolean trendAlerts) {

    /** What a subscription id may hold: it prefixes alert keys. */
    public static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    /**
     * @throws InvalidFieldException when the id is unusable, a list holds a blank entry or the backfill is negative
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
        aiCooperation = Boolean.TRUE.equals(aiCooperation);
        rule = rule == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rule));
        backfill = backfill == null ? Duration.ZERO : backfill;
        trendAlerts = Boolean.TRUE.equals(trendAlerts);
        for (List<String> list : List.of(actors, anyActors, themes, languages)) {
            if (list.stream().anyMatch(String::isBlank)) {
                throw new InvalidFieldException("conditions", "a condition is blank");
            }
        }
        if (backfill.isNegative()) {
            throw new InvalidFieldException("backfill", "must not be negative");
        }
    }

    /** A subscription of the shorthand conditions only: no rule tree, webhook, backfill or trend alerts. */
    public Subscription(String id, String name, List<String> actors, List<String> anyActors, List<String> themes,
                        boolean aiCooperation, List<String> languages) {
        this(id, name, actors, anyActors, themes, aiCooperation, languages, null, null, null, null);
    }
}
