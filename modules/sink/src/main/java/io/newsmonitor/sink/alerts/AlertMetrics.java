package io.newsmonitor.sink.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsmonitor.model.ClassifiedAnnouncement;
import java.time.Duration;
import java.time.Instant;

/**
 * The sink's meters on alerts:
 * <ul>
 *   <li>{@code newsmonitor_alerts_total} tagged {@code subscription}: alerts raised;</li>
 *   <li>{@code newsmonitor_alert_latency_seconds}: the end-to-end latency histogram, from the moment the poller saw
 *       the announcement (its {@code fetchedAt}) to the alert, so that "within seconds" is measured where users
 *       feel it. Alerts of a backfill, on announcements seen days ago, are left out of it.</li>
 * </ul>
 * Raised means handed to Kafka in a transaction: an instance killed before its commit counts alerts that its
 * successor raises again, so the counter can be slightly above what the alerts topic holds.
 */
public final class AlertMetrics {

    private final MeterRegistry registry;
    private final Timer latency;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("newsmonitor.alert.latency")
                .description("From the poller seeing an announcement to the alert on it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    void alerted(String subscriptionId, ClassifiedAnnouncement announcement, Instant now, boolean live) {
        Counter.builder("newsmonitor.alerts").description("Alerts raised")
                .tag("subscription", subscriptionId).register(registry).increment();
        if (live && announcement.fetchedAt() != null && !announcement.fetchedAt().isAfter(now)) {
            latency.record(Duration.between(announcement.fetchedAt(), now));
        }
    }
}
