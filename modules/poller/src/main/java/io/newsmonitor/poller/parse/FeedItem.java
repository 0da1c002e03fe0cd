package io.newsmonitor.poller.parse;

import java.time.Instant;

/**
 * One item as a feed or listing page published it, before normalisation.
 *
 * @param title       title as published (may hold markup or entities)
 * @param link        link as published (may be relative), or {@code null}
 * @param guid        GUID / Atom id, or {@code null}
 * @param summary     description or summary (HTML or text), or {@code null}
 * @param content     full content (HTML or text), or {@code null}
 * @param publishedAt publication (else update) time, or {@code null}
 */
public record FeedItem(String title, String link, String guid, String summary, String content, Instant publishedAt) {
}
