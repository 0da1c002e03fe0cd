package io.newsmonitor.app.faults;

import io.newsmonitor.topics.Topic;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches a role's output topics from their committed end ({@code read_committed}): the time until a new record is
 * committed there is the role's recovery time after a fault. Records of a killed instance's open transaction never
 * count, as they are aborted when its successor fences it.
 */
final class OutputWatch implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final long started = System.nanoTime();

    /** Starts watching now, from the committed end of these topics. */
    OutputWatch(String bootstrapServers, int partitions, Topic<?, ?>... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> all = Arrays.stream(topics)
                .flatMap(t -> IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(t.name(), p)))
                .toList();
        consumer.assign(all);
        consumer.seekToEnd(all);
        all.forEach(consumer::position);
    }

    /** The time from the start of the watch to the first new committed record; fails after {@code atMost}. */
    Duration awaitNewRecord(Duration atMost) {
        long deadline = started + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!consumer.poll(POLL).isEmpty()) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
        }
        throw new AssertionError("no new output within " + atMost);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
