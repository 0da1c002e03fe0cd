package io.newsmonitor.poller.http;

import io.newsmonitor.net.AddressPolicy;
import java.net.URI;
import java.time.Duration;

/**
 * A fetch that failed, with its context (source, URL, HTTP status when there was one) and whether trying again later
 * may help, in the manner of jsoup's {@code HttpStatusException}.
 */
public final class FetchException extends Exception {

    /** Whether a later attempt may succeed. */
    public enum Kind {
        /** Network errors, timeouts, 5xx, 429: back off and try again. */
        RETRIABLE,
        /** 4xx, non-HTTP redirects, oversized bodies: the source must change before it can work. */
        FATAL,
        /**
         * The address is not one this source may reach ({@link AddressPolicy}); nothing was sent. Says nothing about
         * the site, only about this source's access to it.
         */
        REFUSED
    }

    private final String sourceId;
    private final URI url;
    private final int status;
    private final Kind kind;
    private final Duration retryAfter;
    /** Whether {@link #getMessage()} adds status and URL to the problem (which may name them already). */
    private final boolean located;

    public FetchException(String sourceId, URI url, int status, Kind kind, Duration retryAfter, String problem,
                          Throwable cause) {
        this(sourceId, url, status, kind, retryAfter, problem, cause, true);
    }

    private FetchException(String sourceId, URI url, int status, Kind kind, Duration retryAfter, String problem,
                           Throwable cause, boolean located) {
        super(problem, cause);
        this.sourceId = sourceId;
        this.url = url;
        this.status = status;
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.located = located;
    }

    /** A failure without HTTP status (network, protocol, policy). */
    public static FetchException of(String sourceId, URI url, Kind kind, String problem, Throwable cause) {
        return new FetchException(sourceId, url, 0, kind, null, problem, cause);
    }

    /**
     * A request a step of the chain would not send ({@link RobotsPolicy}): {@link Kind#FATAL}, as the site or the
     * source must change first, and its message is {@code reason} alone.
     */
    public static FetchException notSent(String sourceId, URI url, String reason) {
        return new FetchException(sourceId, url, 0, Kind.FATAL, null, reason, null, false);
    }

    /** The source being fetched. */
    public String sourceId() {
        return sourceId;
    }

    /** The URL that failed (after redirects, the last one). */
    public URI url() {
        return url;
    }

    /** The HTTP status, or 0 when the failure came before one. */
    public int status() {
        return status;
    }

    /** Whether retrying may help. */
    public Kind kind() {
        return kind;
    }

    /** How long the server asked us to wait ({@code Retry-After}), or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** One line for logs and the state topic: the problem, then status and URL. */
    @Override
    public String getMessage() {
        return located ? super.getMessage() + (status > 0 ? " (HTTP " + status + ")" : "") + " at " + url
                : super.getMessage();
    }
}
