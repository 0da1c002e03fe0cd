package io.newsmonitor.delivery.runtime;

import io.newsmonitor.delivery.http.Outcome;
import io.newsmonitor.model.DeliveryState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * One subscription's alerts waiting for its webhook, in the order read, and how delivery to it goes. One attempt at
 * a time per subscription, on the oldest alert: a failing webhook is retried with {@link Backoff} and holds only its
 * own alerts, never another subscription's. Used on the delivery thread only, except {@link #backlog()}.
 *
 * <p>Give-up rule: an alert is given up when its webhook has failed and the next attempt would come after the
 * alert's deadline (read time plus {@code delivery.giveUpAfter}). After a failure this holds for every waiting alert,
 * not only the one attempted, so that a webhook down for a day does not take one give-up time per alert to drain.
 */
final class WebhookQueue {

    private final String subscriptionId;
    private final Deque<PendingAlert> waiting = new ArrayDeque<>();
    private PendingAlert inFlight;
    private int failures;
    private Instant nextAttempt = Instant.MIN;
    private volatile int backlog;

    private String address;
    private long delivered;
    private long failedAttempts;
    private long deadLettered;
    private Instant lastSuccess;
    private String lastError;
    private Instant lastErrorAt;
    private boolean changed;
    private Instant publishedAt = Instant.MIN;

    WebhookQueue(String subscriptionId) {
        this.subscriptionId = subscriptionId;
    }

    String subscriptionId() {
        return subscriptionId;
    }

    /** Alerts waiting, the one in flight included; readable from any thread (the backlog gauge). */
    int backlog() {
        return backlog;
    }

    /** Queues an alert behind the others. */
    void add(PendingAlert alert) {
        waiting.add(alert);
        changed();
    }

    /**
     * The alert to attempt now, marked in flight and counted as attempted, or {@code null} when one is in flight,
     * none waits, or the webhook is being left alone.
     */
    PendingAlert nextDue(Instant now) {
        if (inFlight != null || waiting.isEmpty() || now.isBefore(nextAttempt)) {
            return null;
        }
        inFlight = waiting.peek();
        inFlight.attempted();
        return inFlight;
    }

    /** Whether {@code alert} is the one in flight (a late answer for an alert since revoked is not). */
    boolean isInFlight(PendingAlert alert) {
        return inFlight == alert;
    }

    /** The webhook's address as shown, for the state (never its secret). */
    void addressed(String shownAddress) {
        if (!shownAddress.equals(address)) {
            address = shownAddress;
            changed();
        }
    }

    /** The alert in flight was delivered. */
    void delivered(PendingAlert alert, Instant now) {
        finish(alert);
        failures = 0;
        nextAttempt = now;
        delivered++;
        lastSuccess = now;
        changed();
    }

    /** The alert in flight failed for good: it leaves the queue; the webhook answered, so the next goes at once. */
    void failedForGood(PendingAlert alert, Outcome outcome, Instant now) {
        finish(alert);
        failures = 0;
        nextAttempt = now;
        failed(outcome, now);
    }

    /**
     * The alert in flight failed and may succeed later: the webhook is left alone for {@code backoff}'s next delay.
     *
     * @param random a random number in [0, 1) for the jitter
     * @return the alerts given up (removed from the queue), see the class comment
     */
    List<PendingAlert> failedForNow(PendingAlert alert, Outcome outcome, Instant now, Backoff backoff,
                                    double random) {
        inFlight = null;
        failures++;
        Duration delay = backoff.delay(failures, random, outcome.retryAfter());
        nextAttempt = now.plus(delay);
        failed(outcome, now);
        return remove(pending -> pending.deadline().isBefore(nextAttempt));
    }

    /** When the webhook is next attempted. */
    Instant nextAttempt() {
        return nextAttempt;
    }

    /**
     * Removes and returns the alerts that {@code which} selects, the one in flight included (its answer is then
     * ignored).
     */
    List<PendingAlert> remove(Predicate<PendingAlert> which) {
        List<PendingAlert> removed = new ArrayList<>();
        for (Iterator<PendingAlert> it = waiting.iterator(); it.hasNext(); ) {
            PendingAlert pending = it.next();
            if (which.test(pending)) {
                it.remove();
                removed.add(pending);
                if (pending == inFlight) {
                    inFlight = null;
                }
            }
        }
        if (!removed.isEmpty()) {
            changed();
        }
        return removed;
    }

    /** Counts alerts written to the undelivered topic. */
    void deadLettered(int count) {
        deadLettered += count;
        changed();
    }

    /**
     * The state to publish now, or {@code null} when nothing changed or the last one published is younger than
     * {@code interval}.
     */
    DeliveryState stateToPublish(Instant now, Duration interval) {
        if (!changed || now.isBefore(publishedAt.plus(interval))) {
            return null;
        }
        changed = false;
        publishedAt = now;
        return new DeliveryState(subscriptionId, address, delivered, failedAttempts, deadLettered, waiting.size(),
                lastSuccess, lastError, lastErrorAt, now);
    }

    private void finish(PendingAlert alert) {
        waiting.remove(alert);
        inFlight = null;
    }

    private void failed(Outcome outcome, Instant now) {
        failedAttempts++;
        lastError = outcome.error();
        lastErrorAt = now;
        changed();
    }

    private void changed() {
        changed = true;
        backlog = waiting.size();
    }
}
