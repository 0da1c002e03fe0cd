package io.newsmonitor.app.wiring;

import io.newsmonitor.topics.CompactedTopicReader;
import io.newsmonitor.topics.Topic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes compacted topics that hold configuration (sources, subscriptions): their current content, and
 * seeding them from a file, writing only the entries that are new or changed so that a restart writes nothing.
 */
public final class Seeder {

    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);

    private Seeder() {
    }

    /** The latest readable value per key of a compacted topic, read to its end. */
    public static <V> Map<String, V> current(Map<String, Object> common, Topic<String, V> topic) {
        return CompactedTopicReader.read(common, topic).values();
    }

    /**
     * The latest readable value per key of a topic, read to its end, each kept only as {@code summary} makes it (so
     * that a long topic can be read without holding its records).
     */
    public static <V, S> Map<String, S> current(Map<String, Object> common, Topic<String, V> topic,
                                                Function<V, S> summary) {
        return CompactedTopicReader.read(common, topic, null, summary).values();
    }

    /** Writes the entries that are absent from the topic or differ from it; returns how many were written. */
    public static <V> int seed(Map<String, Object> common, Topic<String, V> topic, List<V> entries,
                               Function<V, String> key) {
        Map<String, V> existing = current(common, topic);
        int written = 0;
        try (KafkaProducer<String, V> producer = producer(common, topic)) {
            for (V entry : entries) {
                if (!Objects.equals(existing.get(key.apply(entry)), entry)) {
                    acknowledged(producer.send(new ProducerRecord<>(topic.name(), key.apply(entry), entry)), topic);
                    written++;
                }
            }
        }
        if (written > 0) {
            LOG.info("Seeded {} new or changed entr{} into {}", written, written == 1 ? "y" : "ies", topic.name());
        }
        return written;
    }

    /** Writes one entry, or a tombstone when {@code value} is {@code null}. */
    public static <V> void write(Map<String, Object> common, Topic<String, V> topic, String key, V value) {
        try (KafkaProducer<String, V> producer = producer(common, topic)) {
            acknowledged(producer.send(new ProducerRecord<>(topic.name(), key, value)), topic);
        }
    }

    /** Waits for the broker's acknowledgement, so that a refused write is reported rather than lost. */
    private static void acknowledged(Future<?> sent, Topic<?, ?> topic) {
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + topic.name() + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private static <V> KafkaProducer<String, V> producer(Map<String, Object> common, Topic<String, V> topic) {
        Map<String, Object> props = new HashMap<>(common);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        return new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
    }
}
