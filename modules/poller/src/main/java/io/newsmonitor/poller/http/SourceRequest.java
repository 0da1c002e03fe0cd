package io.newsmonitor.poller.http;

import io.newsmonitor.model.FeedSource;
import io.newsmonitor.net.PrivateAccess;
import java.net.URI;

/**
 * One GET made for a source, as it goes down a {@link FetchChain}: the address, the validators of a conditional
 * request, and what the source may reach.
 *
 * @param sourceId     the source it is made for, for error context
 * @param url          the address to fetch
 * @param etag         previous {@code ETag}, or {@code null}
 * @param lastModified previous {@code Last-Modified}, or {@code null}
 * @param access       the host, if any, that may be at a non-public address
 */
public record SourceRequest(String sourceId, URI url, String etag, String lastModified, PrivateAccess access) {

    /**
     * An unconditional request for {@code url} made for {@code source}, with the access its configuration grants
     * ({@link PrivateAccess#of}): whatever the address (its feed, an article link from its content), the source is
     * trusted on its own host only.
     */
    public static SourceRequest of(FeedSource source, URI url) {
        return new SourceRequest(source.id(), url, null, null,
                PrivateAccess.of(source.url(), source.allowPrivateNetwork()));
    }

    /** This request, made conditional on the validators of the last answer. */
    public SourceRequest conditional(String previousEtag, String previousLastModified) {
        return new SourceRequest(sourceId, url, previousEtag, previousLastModified, access);
    }

    /** An unconditional request to another address for the same source, with the same access. */
    public SourceRequest to(URI other) {
        return new SourceRequest(sourceId, other, null, null, access);
    }
}
