package io.newsmonitor.model;

import java.time.Instant;

/**
 * A count over a time window: the value of {@code newsmonitor.aggregates.<name>}, keyed by
 * {@code key + "@" + windowStart}; each update replaces the previous count of that window (compacted topic).
 *
 * @param aggregate   aggregate name ({@code actors}, {@code themes}, {@code pairs}, ...)
 * @param key         what is counted: an actor id, a theme id, or a pair {@code "AL+FR"}
 * @param windowStart start of the window (inclusive)
 * @param windowEnd   end of the window (exclusive)
 * @param count       announcements counted in the window so far
 */
public record AggregateCount(String aggregate, String key, Instant windowStart, Instant windowEnd, long count) {

    /** The record key of this count. */
    public String recordKey() {
        return key + "@" + windowStart;
    }
}
