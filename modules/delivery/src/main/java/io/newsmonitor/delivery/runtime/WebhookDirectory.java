package io.newsmonitor.delivery.runtime;

import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.Webhook;
import io.newsmonitor.topics.Decoded;
import io.newsmonitor.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each subscription's webhook, read from the compacted subscriptions topic and kept current as subscriptions are
 * added, changed and removed at run time: a consumer assigned every partition (no group, nothing committed) reads
 * the topic from its beginning and then follows it. Committed records only; an unreadable record is reported,
 * naming its key, and counts as the subscription's removal (its alerts cannot be delivered to an address nobody can
 * read). Used on the delivery thread only.
 *
 * <p>{@link #catchUp} reads up to the topic's end as it is now. Delivery calls it before handling alerts it has just
 * read: the sink raised those alerts after it read their subscriptions, so after the catch-up every subscription an
 * alert names is known as the sink knew it, or newer.
 */
final class WebhookDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDirectory.class);

    private final Consumer<String, byte[]> consumer;
    private final Topic<String, Subscription> topic;
    private final Map<String, Subscription> subscriptions = new HashMap<>();
    private List<TopicPartition> partitions;

    /** @param consumer a consumer of its own, without group, for this directory only */
    WebhookDirectory(Consumer<String, byte[]> consumer, Topic<String, Subscription> topic) {
        this.consumer = consumer;
        this.topic = topic;
    }

    /**
     * Reads the topic up to its end as it is now.
     *
     * @throws TimeoutException when the end is not reached within {@code timeout}
     */
    void catchUp(Duration timeout) {
        if (partitions == null) {
            partitions = consumer.partitionsFor(topic.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("subscriptions topic " + topic.name() + " not read to its end within "
                        + timeout.toSeconds() + " s");
            }
            read(consumer.poll(Duration.ofMillis(100)));
        }
    }

    /** Takes the changes that have arrived, without waiting. */
    void follow() {
        read(consumer.poll(Duration.ZERO));
    }

    /** Whether the subscription exists (its latest record is not a tombstone). */
    boolean knows(String subscriptionId) {
        return subscriptions.containsKey(subscriptionId);
    }

    /** The subscription's webhook, or {@code null} when it has none or does not exist. */
    Webhook webhook(String subscriptionId) {
        Subscription subscription = subscriptions.get(subscriptionId);
        return subscription == null ? null : subscription.webhook();
    }

    /** How many subscriptions have a webhook. */
    long webhooks() {
        return subscriptions.values().stream().filter(s -> s.webhook() != null).count();
    }

    private void read(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            Decoded<Subscription> decoded = Decoded.of(topic, record.value());
            if (decoded.invalid()) {
                LOG.warn("Subscription '{}' is unreadable ({}@{}), so its alerts are not delivered: {}",
                        record.key(), record.topic(), record.offset(), decoded.error());
                subscriptions.remove(record.key());
            } else if (decoded.value() == null) {
                subscriptions.remove(record.key());
            } else {
                subscriptions.put(record.key(), decoded.value());
            }
        }
    }
}
