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
 * Turns a published item into an {@link Announcement}: canonical URL, stable id, clean text of bounded length, a
 * trustworthy date.
 *
 * <p>Texts are capped so that every announcement fits in one Kafka record whatever a source serves (a 10 MiB body
 * would exceed the producer's request size and abort the transaction of every source polled with it): the title at
 * {@value #MAX_TITLE_CHARS} characters, the summary and the content each at {@code maxTextChars}, cut at the last word
 * boundary and ended with "…".
 */
public final class AnnouncementFactory {

    /** Longest title kept: a real title is a line, a longer one is a body in the wrong element. */
    public static final int MAX_TITLE_CHARS = 1_000;
    private static final String CUT = "…";

    /** Dates further ahead than this are taken as wrong and dropped ({@code null}), not published as future. */
    private final Duration futureTolerance;
    private final int maxTextChars;

    /**
     * @param futureTolerance how far ahead of the fetch a date may be
     * @param maxTextChars    longest summary and content kept, in characters
     */
    public AnnouncementFactory(Duration futureTolerance, int maxTextChars) {
        this.futureTolerance = futureTolerance;
        this.maxTextChars = maxTextChars;
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
        String title = Texts.line(item.title());
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
        return new Announcement(id(identity), source.id(), url, guid, capped(title, MAX_TITLE_CHARS),
                capped(Texts.clean(item.summary()), maxTextChars), capped(Texts.clean(item.content()), maxTextChars),
                source.language(), published, fetchedAt, source.tags());
    }

    /** The announcement with the article page's text as its content, cleaned and capped like any content. */
    public Announcement withContent(Announcement a, String contentMarkup) {
        return new Announcement(a.id(), a.sourceId(), a.url(), a.guid(), a.title(), a.summary(),
                capped(Texts.clean(contentMarkup), maxTextChars), a.language(), a.publishedAt(), a.fetchedAt(),
                a.tags());
    }

    /** {@code text} cut at the last word boundary before {@code max} characters, ended with "…", when longer. */
    static String capped(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - CUT.length();
        int space = text.lastIndexOf(' ', end);
        if (space > end / 2) {
            end = space;
        } else if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + CUT;
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
