package io.newsmonitor.app.quality;

import io.newsmonitor.model.AggregateCount;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Duplicate;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the pipeline's output topics as a subscriber would (committed records only), on a thread of its own, while
 * the run goes on: raw announcements, classified announcements, duplicates, alerts and the latest value of every
 * aggregate key.
 */
final class TopicCollector implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    final List<Announcement> raw = new CopyOnWriteArrayList<>();
    final List<ClassifiedAnnouncement> classified = new CopyOnWriteArrayList<>();
    final List<Duplicate> duplicates = new CopyOnWriteArrayList<>();
    final List<Alert> alerts = new CopyOnWriteArrayList<>();
    /** Per aggregate topic, the latest count of each key. */
    final Map<String, Map<String, Long>> aggregates = new ConcurrentHashMap<>();

    private final Map<String, Topic<String, ?>> topics = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong turns = new AtomicLong();
    /** The last loop turn that found every partition read to its end. */
    private final AtomicLong drainedTurn = new AtomicLong(-1);
    private final Thread thread;

    TopicCollector(String bootstrapServers, Topics contract, List<String> aggregateNames) {
        List<Topic<String, ?>> read = new ArrayList<>(List.of(contract.raw(), contract.classified(),
                contract.duplicates(), contract.alerts()));
        aggregateNames.forEach(name -> read.add(contract.aggregate(name)));
        read.forEach(t -> topics.put(t.name(), t));
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "live-quality-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) POLL.toMillis()),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics.keySet());
        thread = new Thread(() -> read(consumer), "live-quality-collector");
        thread.setDaemon(true);
        thread.start();
    }

    private void read(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            while (running.get()) {
                long turn = turns.incrementAndGet();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    keep(record);
                }
                Set<TopicPartition> assigned = consumer.assignment();
                if (!assigned.isEmpty() && consumer.endOffsets(assigned).entrySet().stream()
                        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                    drainedTurn.set(turn);
                }
            }
        }
    }

    private void keep(ConsumerRecord<String, byte[]> record) {
        Topic<String, ?> topic = topics.get(record.topic());
        Object value = record.value() == null ? null
                : topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (value instanceof Announcement a) {
            raw.add(a);
        } else if (value instanceof ClassifiedAnnouncement c) {
            classified.add(c);
        } else if (value instanceof Duplicate d) {
            duplicates.add(d);
        } else if (value instanceof Alert a) {
            alerts.add(a);
        } else if (value instanceof AggregateCount count) {
            aggregates.computeIfAbsent(record.topic(), t -> new ConcurrentHashMap<>()).put(record.key(), count.count());
        }
    }

    /** The topics read. */
    Set<String> topicNames() {
        return topics.keySet();
    }

    /** The loop turn under way, to ask {@link #drainedAfter(long)} later. */
    long turn() {
        return turns.get();
    }

    /** Whether a loop turn that started after {@code turn} found every partition read to its end. */
    boolean drainedAfter(long turn) {
        return drainedTurn.get() > turn;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
