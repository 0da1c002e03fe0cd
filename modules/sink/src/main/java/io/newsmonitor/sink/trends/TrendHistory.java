package io.newsmonitor.sink.trends;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A key's hourly counts over a trend's history (its 14-day baseline and the recent 24 h), kept apart from the window
 * stores' samples: what the trend's running sums are made of. A count reaches it as the growth of its hourly window
 * since the last update, so several announcements counted as one update add up exactly; at a new hour the recent
 * and baseline sums are taken again from these numbers, without reading 15 days of tallies.
 *
 * @param hourly per hourly bucket start (epoch milliseconds), the announcements counted in it; no empty bucket
 */
record TrendHistory(NavigableMap<Long, Long> hourly) {

    TrendHistory {
        hourly = Collections.unmodifiableNavigableMap(new TreeMap<>(hourly));
    }

    /** Nothing counted. */
    static TrendHistory empty() {
        return new TrendHistory(new TreeMap<>());
    }

    /**
     * This history with {@code delta} more announcements in the bucket starting at {@code bucket}, the stream being
     * in {@code window}'s hour; buckets the window no longer reaches are dropped.
     */
    TrendHistory plus(long bucket, long delta, TrendWindow window) {
        NavigableMap<Long, Long> more = new TreeMap<>(hourly.tailMap(window.baselineStart(), true));
        if (bucket >= window.baselineStart() && delta != 0) {
            more.merge(bucket, delta, Long::sum);
        }
        return new TrendHistory(more);
    }

    /** The figures of this history when the stream is in {@code window}'s hour. */
    TrendState at(TrendWindow window) {
        long count = 0;
        long baseline = 0;
        for (Map.Entry<Long, Long> bucket : hourly.tailMap(window.baselineStart(), true).entrySet()) {
            if (bucket.getKey() >= window.recentStart()) {
                count += bucket.getValue();
            } else {
                baseline += bucket.getValue();
            }
        }
        return new TrendState(window.hour(), count, baseline);
    }

    /** Whether nothing in it is within reach of {@code window}: it can be forgotten. */
    boolean endsBefore(TrendWindow window) {
        return hourly.isEmpty() || hourly.lastKey() < window.baselineStart();
    }
}
