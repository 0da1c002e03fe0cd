package io.newsmonitor.delivery.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsmonitor.model.Alert;
import java.time.Duration;
import java.time.Instant;

/**
 * Webhook delivery's meters, each tagged {@code subscription}:
 * <ul>
 *   <li>{@code newsmonitor_alerts_delivered_total}: alerts a webhook accepted (2xx);</li>
 *   <li>{@code newsmonitor_delivery_failures_total}, also tagged {@code reason} ({@code http_503}, {@code timeout},
 *       {@code connection}, {@code unknown_host}, {@code io}, {@code address_refused}, {@code invalid_url},
 *       {@code no_webhook}): failed attempts, and alerts given up without one;</li>
 *   <li>{@code newsmonitor_alerts_undelivered_total}: alerts given up and written to the undelivered topic;</li>
 *   <li>{@code newsmonitor_delivery_backlog}: alerts waiting for the webhook in this instance;</li>
 * </ul>
 * and {@code newsmonitor_delivery_latency_seconds}, the histogram from the alert being raised ({@code alertedAt}) to
 * its webhook accepting it, retries included.
 */
final class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Timer latency;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("newsmonitor.delivery.latency")
                .description("From an alert being raised to its webhook accepting it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(12))
                .register(registry);
    }

    /** Shows the queue's backlog, for as long as the queue lives. */
    void watch(WebhookQueue queue) {
        Gauge.builder("newsmonitor.delivery.backlog", queue, WebhookQueue::backlog)
                .description("Alerts waiting for a subscription's webhook in this instance")
                .tag("subscription", queue.subscriptionId()).strongReference(true).register(registry);
    }

    void delivered(Alert alert, Instant now) {
        Counter.builder("newsmonitor.alerts.delivered").description("Alerts a webhook accepted")
                .tag("subscription", alert.subscriptionId()).register(registry).increment();
        if (alert.alertedAt() != null && !alert.alertedAt().isAfter(now)) {
            latency.record(Duration.between(alert.alertedAt(), now));
        }
    }

    void failed(String subscriptionId, String reason) {
        Counter.builder("newsmonitor.delivery.failures").description("Failed webhook attempts")
                .tag("subscription", subscriptionId).tag("reason", reason).register(registry).increment();
    }

    void undelivered(String subscriptionId) {
        Counter.builder("newsmonitor.alerts.undelivered")
                .description("Alerts given up and written to the undelivered-alerts topic")
                .tag("subscription", subscriptionId).register(registry).increment();
    }
}
