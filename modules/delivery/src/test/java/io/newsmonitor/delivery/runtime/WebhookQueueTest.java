package io.newsmonitor.delivery.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.delivery.http.Outcome;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.DeliveryState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** One attempt at a time, backoff after failures, and the give-up rule over the whole queue. */
class WebhookQueueTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(30),
            Duration.ofHours(12));
    private static final Duration GIVE_UP = Duration.ofMinutes(1);
    private static final Outcome UNAVAILABLE = Outcome.retry("http_503", "https://h/x answered 503", null);

    private final PartitionOffsets offsets = new PartitionOffsets(new TopicPartition("alerts", 0));
    private final WebhookQueue queue = new WebhookQueue("fr");

    private PendingAlert alert(long offset, Instant readAt) {
        offsets.read(offset);
        Alert alert = new Alert(null, null, "fr", "a" + offset, "s" + offset, "t", "u", "src", "fr", null, readAt,
                null, null, false, null, null);
        return new PendingAlert(offsets, offset, "fr/a" + offset, new byte[0], alert, new byte[0],
                readAt.plus(GIVE_UP));
    }

    private void queue(PendingAlert... alerts) {
        for (PendingAlert alert : alerts) {
            queue.add(alert);
        }
    }

    @Test
    void attemptsTheOldestAlertOneAtATime() {
        PendingAlert first = alert(0, T0);
        PendingAlert second = alert(1, T0);
        queue(first, second);

        assertThat(queue.nextDue(T0)).isSameAs(first);
        assertThat(queue.nextDue(T0)).as("one in flight").isNull();
        queue.delivered(first, T0);
        assertThat(queue.nextDue(T0)).isSameAs(second);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(queue.backlog()).isEqualTo(1);
    }

    @Test
    void leavesAFailingWebhookAloneForTheBackoffThenTriesTheSameAlertAgain() {
        PendingAlert first = alert(0, T0);
        queue.add(first);
        queue.nextDue(T0);

        List<PendingAlert> givenUp = queue.failedForNow(first, UNAVAILABLE, T0, BACKOFF, 0.5);

        assertThat(givenUp).isEmpty();
        assertThat(queue.nextAttempt()).isEqualTo(T0.plusSeconds(10));
        assertThat(queue.nextDue(T0.plusSeconds(9))).isNull();
        assertThat(queue.nextDue(T0.plusSeconds(10))).isSameAs(first);
        queue.failedForNow(first, UNAVAILABLE, T0.plusSeconds(10), BACKOFF, 0.5);
        assertThat(queue.nextAttempt()).as("doubled").isEqualTo(T0.plusSeconds(30));
        assertThat(first.attempts()).isEqualTo(2);
    }

    @Test
    void givesUpEveryAlertWhoseDeadlineComesBeforeTheNextAttempt() {
        PendingAlert old = alert(0, T0);
        PendingAlert older = alert(1, T0.plusSeconds(4));
        PendingAlert fresh = alert(2, T0.plusSeconds(50));
        queue(old, older, fresh);
        queue.nextDue(T0.plusSeconds(55));

        List<PendingAlert> givenUp = queue.failedForNow(old, UNAVAILABLE, T0.plusSeconds(55), BACKOFF, 0.5);

        assertThat(givenUp).containsExactly(old, older);
        assertThat(queue.nextDue(T0.plusSeconds(65))).isSameAs(fresh);
        assertThat(old.attempts()).isEqualTo(1);
        assertThat(older.attempts()).as("never attempted: its time ran out behind the failing one").isZero();
    }

    @Test
    void aPermanentFailureLetsTheNextAlertGoAtOnce() {
        PendingAlert first = alert(0, T0);
        PendingAlert second = alert(1, T0);
        queue(first, second);
        queue.nextDue(T0);

        queue.failedForGood(first, Outcome.permanent("http_410", "https://h/x answered 410"), T0);

        assertThat(queue.nextDue(T0)).isSameAs(second);
    }

    @Test
    void theAnswerOfARemovedAlertIsNotWaitedFor() {
        PendingAlert first = alert(0, T0);
        PendingAlert second = alert(1, T0);
        queue(first, second);
        queue.nextDue(T0);

        assertThat(queue.remove(pending -> pending == first)).containsExactly(first);

        assertThat(queue.isInFlight(first)).isFalse();
        assertThat(queue.nextDue(T0)).isSameAs(second);
    }

    @Test
    void publishesItsStateWhenItChangedAtMostOncePerInterval() {
        PendingAlert first = alert(0, T0);
        queue.addressed("https://h/x");
        queue.add(first);
        queue.add(alert(1, T0));
        queue.nextDue(T0);
        queue.failedForNow(first, UNAVAILABLE, T0, BACKOFF, 0.5);

        DeliveryState state = queue.stateToPublish(T0, Duration.ofSeconds(1));

        assertThat(state).isEqualTo(new DeliveryState("fr", "https://h/x", 0, 1, 0, 2, null,
                "https://h/x answered 503", T0, T0));
        assertThat(queue.stateToPublish(T0.plusSeconds(5), Duration.ofSeconds(1))).as("unchanged").isNull();
        queue.nextDue(T0.plusSeconds(10));
        queue.delivered(first, T0.plusSeconds(10));
        assertThat(queue.stateToPublish(T0.plusMillis(10_500), Duration.ofSeconds(1))).isNotNull();
        queue.deadLettered(1);
        assertThat(queue.stateToPublish(T0.plusMillis(10_600), Duration.ofSeconds(1))).as("throttled").isNull();
        assertThat(queue.stateToPublish(T0.plusMillis(11_500), Duration.ofSeconds(1)))
                .isEqualTo(new DeliveryState("fr", "https://h/x", 1, 1, 1, 1, T0.plusSeconds(10),
                        "https://h/x answered 503", T0, T0.plusMillis(11_500)));
    }
}
