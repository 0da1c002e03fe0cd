package io.newsmonitor.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An announcement after cleaning and classification: the value of {@code newsmonitor.announcements.classified}
 * (first-seen announcements), keyed by {@link #id()}.
 *
 * @param id              the raw announcement's id
 * @param sourceId        source it came from
 * @param url             canonical URL, or {@code null}
 * @param title           title
 * @param language        detected language (ISO 639-1), or {@code und} when undetermined
 * @param publishedAt     publication time, or {@code null} when the source gave none
 * @param fetchedAt       when the poller fetched it
 * @param classifiedAt    when the processor classified it
 * @param text            cleaned text (title, summary and content), bounded; evidence offsets point into it
 * @param actors          actors found, most mentioned first
 * @param countries       ISO ids of the countries among the actors, sorted
 * @param themes          themes present, highest score first
 * @param aiCooperation   whether it announces AI cooperation between at least two distinct parties
 * @param cooperation     the parties, their pairs and the cues found
 * @param storyId         id of the first announcement of the story this one belongs to (its own id if first)
 * @param evidence        every match behind the decisions above
 * @param taxonomyVersion hash of the dictionaries that produced this classification
 */
public record ClassifiedAnnouncement(
        String id,
        String sourceId,
        String url,
        String title,
        String language,
        Instant publishedAt,
        Instant fetchedAt,
        Instant classifiedAt,
        String text,
        List<ActorMention> actors,
        List<String> countries,
        List<ThemeScore> themes,
        boolean aiCooperation,
        Cooperation cooperation,
        String storyId,
        List<Evidence> evidence,
        String taxonomyVersion) {

    public ClassifiedAnnouncement {
        Objects.requireNonNull(id, "id");
        actors = actors == null ? List.of() : List.copyOf(actors);
        countries = countries == null ? List.of() : List.copyOf(countries);
        themes = themes == null ? List.of() : List.copyOf(themes);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        cooperation = cooperation == null ? Cooperation.NONE : cooperation;
        storyId = storyId == null ? id : storyId;
    }

    /** Whether an actor with this id was found. */
    public boolean hasActor(String actorId) {
        return actors.stream().anyMatch(a -> a.id().equals(actorId));
    }

    /** Whether a theme with this id is present. */
    public boolean hasTheme(String themeId) {
        return themes.stream().anyMatch(t -> t.id().equals(themeId));
    }

    /** The same announcement assigned to another story. */
    public ClassifiedAnnouncement withStoryId(String newStoryId) {
        return new ClassifiedAnnouncement(id, sourceId, url, title, language, publishedAt, fetchedAt, classifiedAt,
                text, actors, countries, themes, aiCooperation, cooperation, newStoryId, evidence, taxonomyVersion);
    }
}
