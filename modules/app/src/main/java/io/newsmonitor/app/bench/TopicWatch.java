package io.newsmonitor.app.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a {@code read_committed} reader sees of some topics, from their beginning, on a thread of its own: how many
 * records per topic, each handed to a listener as it becomes visible.
 */
final class TopicWatch implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private TopicWatch(Map<String, Object> common, Collection<String> topics,
                       Consumer<ConsumerRecord<String, byte[]>> listener) {
        topics.forEach(t -> counts.put(t, new AtomicLong()));
        Map<String, Object> props = new HashMap<>(common);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        thread = new Thread(() -> read(props, List.copyOf(topics), listener), "bench-watch");
        thread.setDaemon(true);
    }

    /** Starts reading {@code topics}. */
    static TopicWatch start(Map<String, Object> common, Collection<String> topics,
                            Consumer<ConsumerRecord<String, byte[]>> listener) {
        TopicWatch watch = new TopicWatch(common, topics, listener);
        watch.thread.start();
        return watch;
    }

    private void read(Map<String, Object> props, List<String> topics,
                      Consumer<ConsumerRecord<String, byte[]>> listener) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream().flatMap(t -> consumer.partitionsFor(t).stream()
                    .map(p -> new TopicPartition(t, p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    listener.accept(record);
                    counts.get(record.topic()).incrementAndGet();
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Records seen on these topics together. */
    long count(Collection<String> topics) {
        check();
        return topics.stream().mapToLong(t -> counts.get(t).get()).sum();
    }

    private void check() {
        if (failure != null) {
            throw new IllegalStateException("the benchmark's reader failed: " + failure, failure);
        }
    }

    /**
     * Waits until {@code done} holds, checking {@code every} so often, and returns when it did (nanoTime).
     *
     * @throws IllegalStateException naming {@code what} when it did not hold within {@code timeout}
     */
    static long await(BooleanSupplier done, Duration timeout, Duration every, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not happen within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting until " + what, e);
            }
        }
        return System.nanoTime();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
