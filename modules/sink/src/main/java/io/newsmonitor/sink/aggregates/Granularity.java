package io.newsmonitor.sink.aggregates;

import io.newsmonitor.topics.Topics;
import java.time.Duration;

/** The sizes of the tumbling windows every dimension is counted in ({@link Topics#GRANULARITIES}), epoch-aligned. */
public enum Granularity {
    /** One hour. */
    HOURLY(Topics.HOURLY, Duration.ofHours(1)),
    /** One UTC day. */
    DAILY(Topics.DAILY, Duration.ofDays(1));

    private final String id;
    private final Duration size;

    Granularity(String id, Duration size) {
        this.id = id;
        this.size = size;
    }

    /** Its name in the contract ({@code hourly}, {@code daily}). */
    public String id() {
        return id;
    }

    /** The window size. */
    public Duration size() {
        return size;
    }

    /** The name of the window store of this granularity's counts, which the API reads. */
    public String storeName() {
        return "aggregates-" + id;
    }

    /** The start of the window holding {@code time} (epoch milliseconds). */
    public long windowStart(long time) {
        return Math.floorDiv(time, size.toMillis()) * size.toMillis();
    }

    /** The granularity of this contract name. */
    public static Granularity of(String id) {
        for (Granularity g : values()) {
            if (g.id.equals(id)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no granularity '" + id + "', expected one of " + Topics.GRANULARITIES);
    }
}
