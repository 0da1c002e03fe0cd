package io.newsmonitor.sink.aggregates;

import io.newsmonitor.model.AggregateCount;

/**
 * What the counting step ({@link AggregatesProcessor}) passes on, inside the sink's topology: the new count of a
 * window, or the end of a flush of those counts. Not a contract record: it never leaves the task.
 */
public sealed interface Counted {

    /** The stream time of the counts (epoch milliseconds): what the trends are evaluated at. */
    long streamTime();

    /**
     * A window's count, written once per flush however many announcements it counted since the last.
     *
     * @param count      the window's count and samples, as its aggregate topic gets it
     * @param delta      how many announcements it counted since its previous update: what a running sum adds
     * @param streamTime the stream time when it last counted one, whose hour the trends evaluate this update at
     */
    record Update(AggregateCount count, long delta, long streamTime) implements Counted {
    }

    /**
     * The end of a flush: every count changed up to {@code streamTime} has been passed on, so the trends can be
     * evaluated again at that time's hour.
     */
    record Flushed(long streamTime) implements Counted {
    }
}
