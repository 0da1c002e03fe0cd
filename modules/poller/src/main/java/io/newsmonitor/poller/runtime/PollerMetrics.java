package io.newsmonitor.poller.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsmonitor.model.PollerState;
import java.time.Duration;
import java.util.Locale;

/**
 * The poller's own meters, per source:
 * <ul>
 *   <li>{@code newsmonitor_poller_polls_seconds} (timer: count and duration) tagged {@code source} and
 *       {@code outcome} ({@code ok}, {@code recovered} when only the lenient parser could read it,
 *       {@code failing});</li>
 *   <li>{@code newsmonitor_poller_announcements_published_total} tagged {@code source}: announcements committed to
 *       the raw topic.</li>
 * </ul>
 */
public final class PollerMetrics {

    private final MeterRegistry registry;

    public PollerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A poll of a source ended, after {@code took}, leaving the source in {@code status}. */
    void polled(String sourceId, PollerState.Status status, Duration took) {
        Timer.builder("newsmonitor.poller.polls")
                .description("Polls of a source (fetch, parse, normalise), by outcome")
                .tag("source", sourceId).tag("outcome", status.name().toLowerCase(Locale.ROOT))
                .register(registry).record(took);
    }

    /** {@code count} announcements of a source were committed. */
    void published(String sourceId, int count) {
        Counter.builder("newsmonitor.poller.announcements.published")
                .description("Announcements committed to the raw topic")
                .tag("source", sourceId)
                .register(registry).increment(count);
    }
}
