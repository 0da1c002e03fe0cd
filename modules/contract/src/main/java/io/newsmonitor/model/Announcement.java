package io.newsmonitor.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One announcement as a poller found it: the value of {@code newsmonitor.announcements.raw}, keyed by {@link #id()}.
 *
 * <p>Text fields hold clean text (HTML already turned to text by the poller). {@code publishedAt} is {@code null}
 * when the source gave no date: a missing date is never replaced by "now", so consumers can tell the two apart.
 *
 * @param id          stable id: a hash of the canonical URL, or of the GUID when the item has no link
 * @param sourceId    id of the configured source (feed or press-room page) it came from
 * @param url         canonical URL (tracking parameters and fragment removed), or {@code null}
 * @param guid        the feed's GUID / Atom id as published, or {@code null}
 * @param title       title, never {@code null} (empty when the source had none)
 * @param summary     summary or description, or {@code null}
 * @param content     full text (from the feed or the article page), or {@code null}
 * @param language    language hint of the source ({@code fr}, {@code en}, ...), or {@code null}
 * @param publishedAt publication time in UTC, or {@code null} when unknown
 * @param fetchedAt   when the poller fetched it
 * @param tags        tags of the source
 */
public record Announcement(
        String id,
        String sourceId,
        String url,
        String guid,
        String title,
        String summary,
        String content,
        String language,
        Instant publishedAt,
        Instant fetchedAt,
        List<String> tags) {

    public Announcement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        title = title == null ? "" : title;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
