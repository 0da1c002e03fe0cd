package io.newsmonitor.app.quality;

import io.newsmonitor.samples.SampleAnnouncement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When the feeds publish which items: in publication order, in steps, each step holding the items published within
 * {@link #POLL_INTERVAL} of its first one. The next step is released once the poller has published the previous one,
 * so the pipeline sees the years of the corpus in the order a live deployment would: items published more than a
 * poll interval apart arrive in publication order, and items published closer together arrive in whatever order the
 * polls of their feeds happen to run, as they would live.
 */
final class ReleasePlan {

    /** The default poll interval of {@code config/feeds.yaml}. */
    static final Duration POLL_INTERVAL = Duration.ofMinutes(15);

    private ReleasePlan() {
    }

    /**
     * How many items are released after each step.
     *
     * @param items oldest first
     */
    static List<Integer> steps(List<SampleAnnouncement> items) {
        List<Integer> ends = new ArrayList<>();
        Instant stepStart = null;
        for (int i = 0; i < items.size(); i++) {
            Instant published = items.get(i).publishedAt();
            if (stepStart != null && published.isAfter(stepStart.plus(POLL_INTERVAL))) {
                ends.add(i);
                stepStart = null;
            }
            if (stepStart == null) {
                stepStart = published;
            }
        }
        if (!items.isEmpty()) {
            ends.add(items.size());
        }
        return ends;
    }
}
