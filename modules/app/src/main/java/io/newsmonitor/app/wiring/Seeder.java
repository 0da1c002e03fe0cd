package io.newsmonitor.app.wiring;

import io.newsmonitor.topics.CompactedTopicReader;
import io.newsmonitor.topics.CompactedTopicReader.Snapshot;
import io.newsmonitor.topics.RecordOrigin;
import io.newsmonitor.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * seeding them from a file, writing only the entries that are new or changed so that a restart writes nothing
 * (subscriptions: and removing what the file no longer holds, see {@link #sync}).
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

    /**
     * Makes the topic hold a file's entries, as the file's own: writes those that are absent, differ, or were not
     * written from the file (marking them {@link RecordOrigin#FILE}), and tombstones the keys whose latest record came
     * from the file but that the file no longer holds. Records written otherwise (command line, API) whose key the
     * file does not hold are left alone, so that a start-up never deletes them.
     *
     * @return how many records were written, tombstones included
     */
    public static <V> int sync(Map<String, Object> common, Topic<String, V> topic, List<V> entries,
                               Function<V, String> key) {
        Snapshot<V> existing = CompactedTopicReader.read(common, topic);
        Set<String> inFile = new HashSet<>();
        int written = 0;
        int removed = 0;
        try (KafkaProducer<String, V> producer = producer(common, topic)) {
            for (V entry : entries) {
                String k = key.apply(entry);
                inFile.add(k);
                if (!Objects.equals(existing.values().get(k), entry)
                        || !RecordOrigin.FILE.equals(existing.origins().get(k))) {
                    acknowledged(producer.send(record(topic, k, entry, RecordOrigin.FILE)), topic);
                    written++;
                }
            }
            for (Map.Entry<String, String> origin : existing.origins().entrySet()) {
                if (origin.getValue().equals(RecordOrigin.FILE) && !inFile.contains(origin.getKey())) {
                    acknowledged(producer.send(record(topic, origin.getKey(), null, RecordOrigin.FILE)), topic);
                    LOG.info("Removed {} from {}: no longer in the file", origin.getKey(), topic.name());
                    removed++;
                }
            }
        }
        if (written > 0) {
            LOG.info("Seeded {} new or changed entr{} into {}", written, written == 1 ? "y" : "ies", topic.name());
        }
        return written + removed;
    }

    /** Writes one entry, or a tombstone when {@code value} is {@code null}. */
    public static <V> void write(Map<String, Object> common, Topic<String, V> topic, String key, V value) {
        try (KafkaProducer<String, V> producer = producer(common, topic)) {
            acknowledged(producer.send(new ProducerRecord<>(topic.name(), key, value)), topic);
        }
    }

    /** Writes one entry, or a tombstone when {@code value} is {@code null}, naming who wrote it. */
    public static <V> void write(Map<String, Object> common, Topic<String, V> topic, String key, V value,
                                 String origin) {
        try (KafkaProducer<String, V> producer = producer(common, topic)) {
            acknowledged(producer.send(record(topic, key, value, origin)), topic);
        }
    }

    private static <V> ProducerRecord<String, V> record(Topic<String, V> topic, String key, V value, String origin) {
        ProducerRecord<String, V> record = new ProducerRecord<>(topic.name(), key, value);
        record.headers().add(RecordOrigin.HEADER, origin.getBytes(StandardCharsets.UTF_8));
        return record;
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
