package io.newsmonitor.model;

import java.time.Instant;

/**
 * How delivery to one subscription's webhook goes: the value of the compacted topic {@code newsmonitor.delivery.state},
 * keyed by subscription id, latest per subscription.
 *
 * @param subscriptionId the subscription
 * @param url            the webhook address (never its secret)
 * @param delivered      alerts delivered since the deliverer started
 * @param failedAttempts attempts that failed since the deliverer started
 * @param deadLettered   alerts given up on and written to the delivery dead-letter topic
 * @param backlog        alerts waiting to be delivered
 * @param lastSuccess    when an alert was last delivered, or {@code null}
 * @param lastError      the last failure (status or exception, naming the address), or {@code null}
 * @param lastErrorAt    when it happened, or {@code null}
 * @param updatedAt      when this state was written
 */
public record DeliveryState(String subscriptionId, String url, long delivered, long failedAttempts, long deadLettered,
                            long backlog, Instant lastSuccess, String lastError, Instant lastErrorAt,
                            Instant updatedAt) {
}
