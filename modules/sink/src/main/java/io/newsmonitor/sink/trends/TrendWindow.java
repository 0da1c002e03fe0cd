package io.newsmonitor.sink.trends;

import java.time.Duration;

/**
 * Where a trend looks, in hourly buckets, when the stream is in the hour starting at {@code hour}: the recent window
 * is the 24 buckets up to and including that hour; the baseline the 14 days (336 buckets) before it.
 *
 * @param hour start of the stream's current hour (epoch milliseconds)
 */
record TrendWindow(long hour) {

    static final long HOUR = Duration.ofHours(1).toMillis();
    /** Length of the recent window. */
    static final Duration RECENT = Duration.ofHours(24);
    /** Days of the baseline. */
    static final int BASELINE_DAYS = 14;
    /** The hourly history a trend reads: the baseline and the recent window. */
    static final Duration HISTORY = RECENT.plus(Duration.ofDays(BASELINE_DAYS));

    /** The window of the hour holding {@code time}. */
    static TrendWindow at(long time) {
        return new TrendWindow(Math.floorDiv(time, HOUR) * HOUR);
    }

    /** Start of the first bucket of the recent window. */
    long recentStart() {
        return hour - RECENT.toMillis() + HOUR;
    }

    /** End of the recent window (exclusive): the end of the current hour. */
    long recentEnd() {
        return hour + HOUR;
    }

    /** Start of the first bucket of the baseline. */
    long baselineStart() {
        return recentStart() - Duration.ofDays(BASELINE_DAYS).toMillis();
    }

    /** Start of the last bucket of the baseline. */
    long baselineLast() {
        return recentStart() - HOUR;
    }
}
