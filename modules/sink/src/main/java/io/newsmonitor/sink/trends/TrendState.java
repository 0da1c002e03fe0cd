package io.newsmonitor.sink.trends;

/**
 * What a trend's score is computed from, for one key at one hour of the stream: the counts in the recent window and in
 * the baseline, as its {@link TrendHistory} gives them at that hour.
 *
 * @param hour     start of the stream hour these counts are for
 * @param count    announcements in the recent window
 * @param baseline announcements in the baseline
 */
public record TrendState(long hour, long count, long baseline) {

    /** The mean count per 24 h over the baseline. */
    double mean() {
        return (double) baseline / TrendWindow.BASELINE_DAYS;
    }

    /**
     * How far the recent count stands above the baseline mean: {@code (count - mean) / sqrt(mean + 1)}, a Poisson
     * z-score (a count's standard deviation is the square root of its mean) whose {@code + 1} keeps it finite and
     * modest for a key never seen before (its score is then its count, over a square root of 1).
     */
    double score() {
        return (count - mean()) / Math.sqrt(mean() + 1);
    }
}
