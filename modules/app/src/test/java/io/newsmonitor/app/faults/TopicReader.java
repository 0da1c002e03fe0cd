package io.newsmonitor.app.faults;

import io.newsmonitor.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic as a subscriber would ({@code read_committed}), up to its last stable offsets: records of
 * aborted transactions are never seen, records of open ones not yet. No consumer group, nothing committed.
 */
final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private TopicReader() {
    }

    static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrapServers, Topic<K, V> topic) {
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(POLL).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * The partitions of {@code topics} whose last stable offset is below their end: a transaction is open there, and
     * {@code read_committed} readers see nothing past it. With each, its last stable offset and its end, to print
     * when a fault test finds output missing (a transaction left open by a crash, or output never written).
     */
    static Map<TopicPartition, String> openTransactions(String bootstrapServers, List<String> topics) {
        Map<TopicPartition, Long> stable = endOffsets(bootstrapServers, topics, "read_committed");
        Map<TopicPartition, Long> end = endOffsets(bootstrapServers, topics, "read_uncommitted");
        Map<TopicPartition, String> open = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        stable.forEach((partition, lso) -> {
            if (lso < end.get(partition)) {
                open.put(partition, "stable to " + lso + ", end " + end.get(partition));
            }
        });
        return open;
    }

    private static Map<TopicPartition, Long> endOffsets(String bootstrapServers, List<String> topics,
                                                        String isolation) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream().flatMap(t -> consumer.partitionsFor(t).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }
}
