package io.newsmonitor.topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a compacted topic (or some of its partitions) from the beginning to its last stable offset and keeps the
 * latest value per key, as a configuration reader must: committed records only, and an unreadable record kept aside
 * with its reason rather than stopping the read.
 *
 * <p>A writer that must resume from what it wrote itself (a poller taking its partitions back after the broker was
 * away) reads with a <em>settle</em> time: the transactions open when the read starts are waited for, so that a
 * commit whose markers the broker has not written yet (it writes them after answering the commit, and after a
 * restart only once its coordinator has loaded) is read rather than missed.
 */
public final class CompactedTopicReader {

    private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private CompactedTopicReader() {
    }

    /**
     * The latest value per key, each kept as {@code summary} makes it (so that a long topic can be read without
     * holding its records), the keys whose latest record is unreadable, and the origin of each latest record that
     * names one.
     *
     * @param values  latest readable value per key (tombstoned keys left out)
     * @param invalid why the latest record of a key is unreadable
     * @param origins the {@link RecordOrigin#HEADER} of each key's latest record, for the values that carry one
     * @param <S>     what is kept of each value
     */
    public record Snapshot<S>(Map<String, S> values, Map<String, String> invalid, Map<String, String> origins) {
    }

    /** The whole topic. */
    public static <V> Snapshot<V> read(Map<String, Object> common, Topic<String, V> topic) {
        return read(common, topic, null, Function.identity());
    }

    /**
     * Up to the last stable offset when the read starts.
     *
     * @param partitions the partitions to read, or {@code null} for all of them
     * @param summary    what to keep of each value
     */
    public static <V, S> Snapshot<S> read(Map<String, Object> common, Topic<String, V> topic,
                                          Collection<Integer> partitions, Function<V, S> summary) {
        return read(common, topic, partitions, summary, Duration.ZERO);
    }

    /**
     * Up to the end of every transaction open on the partitions when the read starts, waiting up to {@code settle}
     * for them to commit or abort; past it, up to the last stable offset then, with one warning line naming the
     * partitions still held by an open transaction.
     *
     * @param partitions the partitions to read, or {@code null} for all of them
     * @param summary    what to keep of each value
     * @param settle     how long to wait for open transactions (at least a writer's transaction timeout, after
     *                   which the broker aborts them); zero reads up to the current last stable offset
     */
    public static <V, S> Snapshot<S> read(Map<String, Object> common, Topic<String, V> topic,
                                          Collection<Integer> partitions, Function<V, S> summary, Duration settle) {
        if (settle.isNegative()) {
            throw new IllegalArgumentException("settle time must not be negative: " + settle);
        }
        Map<String, Object> props = new HashMap<>(common);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "newsmonitor-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, S> values = new HashMap<>();
        Map<String, String> invalid = new LinkedHashMap<>();
        Map<String, String> origins = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> assigned = consumer.partitionsFor(topic.name()).stream()
                    .filter(p -> partitions == null || partitions.contains(p.partition()))
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = new HashMap<>(settle.isZero() ? consumer.endOffsets(assigned)
                    : logEnds(common, assigned));
            long deadline = System.nanoTime() + settle.toNanos();
            boolean settling = !settle.isZero();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (settling && System.nanoTime() - deadline > 0) {
                    settling = false;
                    giveUpSettling(topic, assigned, consumer, end, settle);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    Decoded<V> decoded = Decoded.of(topic, record.value());
                    values.remove(record.key());
                    invalid.remove(record.key());
                    origins.remove(record.key());
                    if (decoded.invalid()) {
                        invalid.put(record.key(), decoded.error());
                    } else if (decoded.value() != null) {
                        values.put(record.key(), summary.apply(decoded.value()));
                        Header origin = record.headers().lastHeader(RecordOrigin.HEADER);
                        if (origin != null) {
                            origins.put(record.key(), new String(origin.value(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }
        return new Snapshot<>(values, invalid, origins);
    }

    /** The partitions' log end offsets, open transactions' records included (what a read_uncommitted reader sees). */
    private static Map<TopicPartition, Long> logEnds(Map<String, Object> common, List<TopicPartition> partitions) {
        Map<String, Object> props = new HashMap<>(common);
        props.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return consumer.endOffsets(partitions);
        }
    }

    /** Lowers {@code end} to the last stable offsets, naming the partitions an open transaction still holds. */
    private static void giveUpSettling(Topic<String, ?> topic, List<TopicPartition> partitions,
                                       KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end,
                                       Duration settle) {
        Map<TopicPartition, Long> stable = consumer.endOffsets(partitions);
        List<Integer> held = partitions.stream().filter(tp -> stable.get(tp) < end.get(tp))
                .map(TopicPartition::partition).toList();
        if (!held.isEmpty()) {
            LOG.warn("Topic {}: partitions {} still held by a transaction open for more than {}; read up to their "
                    + "last stable offsets", topic.name(), held, settle);
        }
        end.putAll(stable);
    }
}
