package io.newsmonitor.poller.normalise;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.poller.parse.FeedItem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Turns a published item into an {@link Announcement}: canonical URL, stable id, clean text, a trustworthy date.
 */
public final class AnnouncementFactory {

    /** Dates further ahead than this are taken as wrong and dropped ({@code null}), not published as future. */
    private final Duration futureTolerance;

    public AnnouncementFactory(Duration futureTolerance) {
        this.futureTolerance = futureTolerance;
    }

    /**
     * The announcement for an item, or {@code null} when the item has neither a usable link, nor a GUID, nor a title
     * (nothing to identify it by).
     *
     * @param source    its source
     * @param item      the item
     * @param base      the address the document was fetched from, to resolve relative links
     * @param fetchedAt when it was fetched
     */
    public Announcement create(FeedSource source, FeedItem item, URI base, Instant fetchedAt) {
        String url = Urls.canonical(item.link(), base);
        String guid = item.guid() == null || item.guid().isBlank() ? null : item.guid().strip();
        String title = Texts.clean(item.title());
        if (url == null && guid != null) {
            url = Urls.canonical(guid, base);
        }
        String identity = url != null ? "url:" + url
                : guid != null ? "guid:" + source.id() + ":" + guid
                : title != null ? "title:" + source.id() + ":" + title
                : null;
        if (identity == null) {
            return null;
        }
        Instant published = item.publishedAt();
        if (published != null && published.isAfter(fetchedAt.plus(futureTolerance))) {
            published = null;
        }
        return new Announcement(id(identity), source.id(), url, guid, title, Texts.clean(item.summary()),
                Texts.clean(item.content()), source.language(), published, fetchedAt, source.tags());
    }

    /** A stable id: the first 128 bits of the SHA-256 of the identity, in hex. */
    static String id(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
