package io.newsmonitor.model;

import java.time.Instant;
import java.util.List;

/**
 * A windowed count of one aggregate: the value of the compacted topic {@code newsmonitor.aggregates.<aggregate>},
 * keyed by {@link #recordKey()}, so that the latest value per key and window wins.
 *
 * @param aggregate   the aggregate's name, as in its topic ({@code actors.daily}, ...)
 * @param key         the dimension value counted (an actor id, a theme id, {@code FR+TN}, {@code FR|regulation}, ...)
 * @param windowStart start of the window, inclusive (publication time)
 * @param windowEnd   end of the window, exclusive
 * @param count       announcements in the window with this key
 * @param samples     ids of a few announcements counted (the latest first), for a dashboard to link to
 */
public record AggregateCount(String aggregate, String key, Instant windowStart, Instant windowEnd, long count,
                             List<String> samples) {

    public AggregateCount {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /** The record key of this count. */
    public String recordKey() {
        return key + "@" + windowStart;
    }
}
