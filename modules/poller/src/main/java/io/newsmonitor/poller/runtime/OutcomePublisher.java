package io.newsmonitor.poller.runtime;

import io.newsmonitor.model.PollerState;
import io.newsmonitor.poller.runtime.TransactionalPublisher.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Publishes the outcomes of finished polls, each transaction with the feeds consumer's position (so that a
 * transaction of an instance the group has moved on from is fenced, KIP-447). Outcomes are batched, up to
 * {@value #MAX_OUTCOMES_PER_TRANSACTION} a transaction; one that changes only timing is kept in memory unless its
 * state was not written for {@link #TIMING_FLUSH}; when the broker refuses a batch, each outcome is published alone
 * so that only the source at fault is marked failing.
 */
final class OutcomePublisher {

    static final int MAX_OUTCOMES_PER_TRANSACTION = 200;
    /** After a transaction failed for a transient reason, how long before its sources are polled again. */
    private static final Duration RETRY_PUBLISH = Duration.ofSeconds(2);
    /**
     * How often a state whose only change is timing (last success, next poll, interval) is written. Writing every
     * poll would rewrite the whole seen-id list (up to thousands of ids) on every 304; a restart loses at most this
     * much schedule, never an id.
     */
    private static final Duration TIMING_FLUSH = Duration.ofHours(1);

    /** What became of the outcomes of one round. */
    interface Applied {
        /** The outcome is now the source's state; {@code published} when it was written to Kafka. */
        void applied(PollOutcome outcome, boolean published);

        /** The outcome could not be published; the source is polled again at {@code at}. */
        void retry(String sourceId, Instant at);
    }

    private final TransactionalPublisher publisher;
    private final KafkaConsumer<String, byte[]> feedsConsumer;
    private final SourceOwnership ownership;
    private final SourcePoller poller;
    private final Clock clock;

    OutcomePublisher(TransactionalPublisher publisher, KafkaConsumer<String, byte[]> feedsConsumer,
                     SourceOwnership ownership, SourcePoller poller, Clock clock) {
        this.publisher = publisher;
        this.feedsConsumer = feedsConsumer;
        this.ownership = ownership;
        this.poller = poller;
        this.clock = clock;
    }

    /**
     * Publishes what must be published of {@code outcomes} (of sources this instance owns) and tells {@code applied}
     * what became of each.
     *
     * @throws TransactionalPublisher.FatalPublishException when the producer can do nothing more
     */
    void publish(List<PollOutcome> outcomes, Applied applied) {
        List<PollOutcome> toWrite = new ArrayList<>();
        for (PollOutcome outcome : outcomes) {
            if (mustWrite(outcome)) {
                toWrite.add(outcome);
            } else {
                applied.applied(outcome, false);
            }
        }
        if (toWrite.isEmpty()) {
            return;
        }
        Result result = transaction(toWrite);
        if (result == Result.COMMITTED) {
            toWrite.forEach(o -> applied.applied(o, true));
        } else if (result == Result.RETRY) {
            toWrite.forEach(o -> applied.retry(o.state().sourceId(), clock.instant().plus(RETRY_PUBLISH)));
        } else {
            toWrite.forEach(o -> publishAlone(o, applied));
        }
    }

    /**
     * Publishes one outcome in a transaction of its own, after a transaction of several was refused, so that the
     * source at fault (a record the broker refuses) is found and marked failing, and the others are published.
     */
    private void publishAlone(PollOutcome outcome, Applied applied) {
        String id = outcome.state().sourceId();
        Result alone = transaction(List.of(outcome));
        if (alone == Result.COMMITTED) {
            applied.applied(outcome, true);
            return;
        }
        if (alone == Result.REFUSED) {
            PollOutcome failure = poller.notPublished(ownership.source(id), ownership.state(id),
                    publisher.lastError());
            if (transaction(List.of(failure)) == Result.COMMITTED) {
                applied.applied(failure, true);
                return;
            }
        }
        applied.retry(id, clock.instant().plus(RETRY_PUBLISH));
    }

    private Result transaction(List<PollOutcome> outcomes) {
        return publisher.publish(outcomes, ownership::partition, positions(), feedsConsumer.groupMetadata());
    }

    /**
     * Whether an outcome must go to Kafka: it has announcements, or its state changed in more than timing, or the
     * state was not written for {@link #TIMING_FLUSH}.
     */
    private boolean mustWrite(PollOutcome outcome) {
        PollerState next = outcome.state();
        PollerState previous = ownership.knownState(next.sourceId());
        Instant lastWrite = ownership.written(next.sourceId());
        return !outcome.announcements().isEmpty() || previous == null || lastWrite == null
                || !lastWrite.plus(TIMING_FLUSH).isAfter(clock.instant())
                || !withoutTiming(previous).equals(withoutTiming(next));
    }

    private static PollerState withoutTiming(PollerState s) {
        return new PollerState(s.sourceId(), s.status(), s.etag(), s.lastModified(), s.seenIds(), null,
                s.lastErrorAt(), s.lastError(), s.consecutiveFailures(), null, null, s.published(), s.hub());
    }

    private Map<TopicPartition, OffsetAndMetadata> positions() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : feedsConsumer.assignment()) {
            offsets.put(tp, new OffsetAndMetadata(feedsConsumer.position(tp)));
        }
        return offsets;
    }
}
