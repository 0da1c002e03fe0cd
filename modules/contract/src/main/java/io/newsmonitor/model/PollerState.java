package io.newsmonitor.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a poller remembers of one source between polls: the value of the compacted topic
 * {@code newsmonitor.poller.state}, keyed by {@link #sourceId()}. Written in the same transaction as the
 * announcements found, so that a restart neither loses nor republishes anything.
 *
 * @param sourceId            the source
 * @param status              outcome of the last poll
 * @param etag                last {@code ETag}, for {@code If-None-Match}
 * @param lastModified        last {@code Last-Modified}, for {@code If-Modified-Since}
 * @param seenIds             ids of the announcements already published, newest last, bounded
 * @param lastSuccessAt       end of the last successful poll
 * @param lastErrorAt         end of the last failed poll
 * @param lastError           what went wrong last, naming the cause ({@code HTTP 404}, {@code malformed XML ...})
 * @param consecutiveFailures failures since the last success
 * @param currentInterval     the interval the adaptive schedule chose
 * @param nextPollAt          when the source is due again
 * @param published           announcements published from this source so far
 * @param hub                 WebSub hub the source advertises, or {@code null}
 */
public record PollerState(
        String sourceId,
        Status status,
        String etag,
        String lastModified,
        List<String> seenIds,
        Instant lastSuccessAt,
        Instant lastErrorAt,
        String lastError,
        int consecutiveFailures,
        Duration currentInterval,
        Instant nextPollAt,
        long published,
        String hub) {

    /** Outcome of the last poll of a source. */
    public enum Status {
        /** Never polled yet. */
        NEW,
        /** Parsed as published. */
        OK,
        /** The strict parse failed; items were recovered by the lenient parser. */
        RECOVERED,
        /** The last poll failed. */
        FAILING
    }

    public PollerState {
        Objects.requireNonNull(sourceId, "sourceId");
        status = status == null ? Status.NEW : status;
        seenIds = seenIds == null ? List.of() : List.copyOf(seenIds);
    }

    /** The state of a source never polled. */
    public static PollerState initial(String sourceId) {
        return new PollerState(sourceId, Status.NEW, null, null, List.of(), null, null, null, 0, null, null, 0, null);
    }
}
