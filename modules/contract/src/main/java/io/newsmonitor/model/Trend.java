package io.newsmonitor.model;

import java.time.Instant;
import java.util.List;

/**
 * A dimension value far above its own baseline: the value of {@code newsmonitor.trends}, keyed by
 * {@code dimension + "/" + key}. See {@code docs/topics.md} for the score.
 *
 * @param dimension   what is counted: {@code actors}, {@code themes} or {@code pairs}
 * @param key         the value counted (an actor id, a theme id, {@code FR+TN})
 * @param windowStart start of the recent window (publication time)
 * @param windowEnd   end of the recent window, exclusive
 * @param count       announcements in the recent window
 * @param baseline    mean count per window of the same length over the trailing baseline period
 * @param score       how far above the baseline, see {@code docs/topics.md}
 * @param trending    whether the score and count pass the thresholds (a trend that ended is written with
 *                    {@code false}, so readers see it end)
 * @param samples     ids of a few announcements of the recent window
 */
public record Trend(String dimension, String key, Instant windowStart, Instant windowEnd, long count,
                    double baseline, double score, boolean trending, List<String> samples) {

    public Trend {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /** The record key of this trend. */
    public String recordKey() {
        return dimension + "/" + key;
    }
}
