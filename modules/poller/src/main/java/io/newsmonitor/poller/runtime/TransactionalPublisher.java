package io.newsmonitor.poller.runtime;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedForMessageFormatException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes poll outcomes, each source's announcements and new state, in one Kafka transaction with the feeds
 * consumer's position, and sorts what can go wrong as the producer's contract says:
 * <ul>
 *   <li><b>fatal</b> (fenced by another instance, lost sequence, not authorised, unsupported by the broker): the
 *       producer can do nothing more; {@link FatalPublishException} ends the poller, whose process exits so that a
 *       supervisor restarts it;</li>
 *   <li><b>commit timed out</b>: the commit is asked again (the producer's contract allows it; aborting after it is
 *       forbidden), up to {@value #COMMIT_ATTEMPTS} times, then fatal;</li>
 *   <li><b>abortable</b>: the transaction is aborted. {@link Result#RETRY} when the cause is transient (the broker is
 *       away, a timeout), {@link Result#REFUSED} when this very content is refused (a record too large, a serialisation
 *       error): then the caller isolates the source at fault.</li>
 * </ul>
 */
final class TransactionalPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalPublisher.class);
    private static final int COMMIT_ATTEMPTS = 5;

    /** How a transaction ended. */
    enum Result { COMMITTED, RETRY, REFUSED }

    /** An error after which the producer cannot be used again. */
    static final class FatalPublishException extends RuntimeException {
        FatalPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Producer<String, Object> producer;
    private final Topics topics;
    private final String instanceId;
    private String lastError;

    /** @param producer a transactional producer, its transactions initialised */
    TransactionalPublisher(Producer<String, Object> producer, Topics topics, String instanceId) {
        this.producer = producer;
        this.topics = topics;
        this.instanceId = instanceId;
    }

    /**
     * Publishes the outcomes in one transaction.
     *
     * @param statePartition the partition of the state topic each source's state goes to (that of its feeds record,
     *                       so that whoever owns the source finds its state in the partition of the same number)
     */
    Result publish(List<PollOutcome> outcomes, ToIntFunction<String> statePartition,
                   Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        try {
            producer.beginTransaction();
            for (PollOutcome outcome : outcomes) {
                for (Announcement a : outcome.announcements()) {
                    producer.send(new ProducerRecord<>(topics.raw().name(), a.id(), a));
                }
                String sourceId = outcome.state().sourceId();
                producer.send(new ProducerRecord<>(topics.pollerState().name(), statePartition.applyAsInt(sourceId),
                        sourceId, outcome.state()));
            }
            producer.sendOffsetsToTransaction(offsets, group);
            commit();
            return Result.COMMITTED;
        } catch (FatalPublishException e) {
            throw e;
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | UnsupportedVersionException | UnsupportedForMessageFormatException e) {
            throw new FatalPublishException("poller " + instanceId + " cannot publish any more: " + e, e);
        } catch (KafkaException e) {
            return abort(outcomes.size(), e);
        }
    }

    /** Why the last transaction that did not commit failed. */
    String lastError() {
        return lastError;
    }

    private void commit() {
        for (int attempt = 1; ; attempt++) {
            try {
                producer.commitTransaction();
                return;
            } catch (TimeoutException e) {
                if (attempt == COMMIT_ATTEMPTS) {
                    throw new FatalPublishException("poller " + instanceId + ": commit still unconfirmed after "
                            + attempt + " attempts", e);
                }
                LOG.warn("Poller {}: commit not confirmed in time ({}); asking again", instanceId, e.getMessage());
            }
        }
    }

    private Result abort(int outcomes, KafkaException e) {
        lastError = rootMessage(e);
        try {
            producer.abortTransaction();
        } catch (KafkaException abortFailed) {
            throw new FatalPublishException("poller " + instanceId + ": transaction cannot be aborted: "
                    + abortFailed, abortFailed);
        }
        boolean transientCause = transientCause(e);
        LOG.warn("Poller {}: transaction of {} poll(s) aborted ({}){}", instanceId, outcomes, lastError,
                transientCause ? "; they will be published again" : "");
        return transientCause ? Result.RETRY : Result.REFUSED;
    }

    private static boolean transientCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
