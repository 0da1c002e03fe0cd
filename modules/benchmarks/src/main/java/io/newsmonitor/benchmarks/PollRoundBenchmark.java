package io.newsmonitor.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.config.Settings;
import io.newsmonitor.json.Json;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.model.SourceType;
import io.newsmonitor.poller.config.PollerConfig;
import io.newsmonitor.poller.runtime.PollerService;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One poller instance against 5,000 local feeds (by default 250 loopback hosts × 20 feeds, each host polled with
 * the default one-second politeness gap): how long a full round takes when every feed has 20 new items (everything
 * committed on the raw topic), then when every feed answers 304, and the poller JVM's peak heap. Run it with the
 * heap it must fit in: {@code java -Xmx256m -cp benchmarks.jar io.newsmonitor.benchmarks.PollRoundBenchmark}.
 */
public final class PollRoundBenchmark {

    private PollRoundBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 250;
        int feedsPerHost = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int feeds = hosts * feedsPerHost;
        Process environment = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx2g",
                "-cp", System.getProperty("java.class.path"), BenchEnvironment.class.getName(),
                Integer.toString(hosts), Integer.toString(feedsPerHost))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String[] ready = awaitReady(environment);
        String bootstrap = ready[1];
        int port = Integer.parseInt(ready[2]);
        KafkaConfig kafka = new KafkaConfig(bootstrap, "bench", 6, (short) 1, Map.of());
        Topics topics = kafka.topics();
        KafkaTestClients.createTopics(kafka.bootstrapServers(), kafka.topics());
        PollerService poller = PollerService.create(config(), kafka, new SimpleMeterRegistry());
        Thread thread = new Thread(poller::run, "poller");
        thread.start();
        System.out.printf("%d feeds on %d hosts (%d per host), 1 s gap per host, %d items per feed%n", feeds, hosts,
                feedsPerHost, BenchEnvironment.ITEMS);

        HeapSampler heap = HeapSampler.start();
        Instant start = Instant.now();
        seed(kafka, topics, hosts, feedsPerHost, port, "");
        Duration full = awaitRound(kafka, topics, feeds, s -> s.published() >= BenchEnvironment.ITEMS, start);
        long rawRecords = countRecords(kafka, topics.raw().name());
        System.out.printf("round with new items: %.1f s, %d announcements committed on the raw topic%n",
                full.toMillis() / 1000.0, rawRecords);

        Instant second = Instant.now();
        seed(kafka, topics, hosts, feedsPerHost, port, "?round=2");
        Duration notModified = awaitRound(kafka, topics, feeds,
                s -> s.lastSuccessAt() != null && s.lastSuccessAt().isAfter(second), second);
        System.out.printf("round of 304s: %.1f s%n", notModified.toMillis() / 1000.0);
        heap.stop();
        System.out.printf("poller JVM heap: max %.0f MiB; peak used %.1f MiB (sampled every 10 ms); "
                        + "peak live set after GC %.1f MiB%n", Runtime.getRuntime().maxMemory() / 1048576.0,
                heap.peakUsedMiB(), heap.peakAfterGcMiB());

        poller.close();
        thread.join(30_000);
        environment.getOutputStream().close();
        environment.waitFor();
    }

    private static PollerConfig config() {
        ObjectNode yaml = Json.mapper().createObjectNode();
        yaml.putObject("poller").put("groupId", "bench-poller").put("workers", 32);
        return PollerConfig.from(Settings.of("benchmark", yaml, PollerConfig.SETTINGS));
    }

    private static String[] awaitReady(Process environment) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(environment.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("READY ")) {
                return line.split(" ");
            }
        }
        throw new IllegalStateException("the benchmark environment ended before it was ready");
    }

    /**
     * Writes every source, each allowing private networks (the environment serves them on loopback); a changed URL
     * makes the poller poll it at once (its state, ETag included, is kept).
     */
    private static void seed(KafkaConfig kafka, Topics topics, int hosts, int feedsPerHost, int port, String query)
            throws Exception {
        Topic<String, FeedSource> feeds = topics.feeds();
        try (KafkaProducer<String, FeedSource> producer = new KafkaProducer<>(kafka.commonProperties(),
                feeds.keySerde().serializer(), feeds.valueSerde().serializer())) {
            for (int h = 0; h < hosts; h++) {
                for (int f = 0; f < feedsPerHost; f++) {
                    String id = "feed-" + h + "-" + f;
                    producer.send(new ProducerRecord<>(feeds.name(), id, new FeedSource(id, id, "http://"
                            + BenchEnvironment.host(h) + ":" + port + "/f" + f + ".xml" + query, SourceType.RSS,
                            Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), false, "en", List.of(),
                            true, false, true, null)));
                }
            }
            producer.flush();
        }
    }

    /** Follows the state topic until every source's state satisfies {@code done}; returns the time since start. */
    private static Duration awaitRound(KafkaConfig kafka, Topics topics, int feeds, Predicate<PollerState> done,
                                       Instant start) {
        Topic<String, PollerState> states = topics.pollerState();
        Map<String, Object> props = kafka.commonProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, PollerState> latest = new HashMap<>();
        Instant last = start;
        try (KafkaConsumer<String, PollerState> consumer = new KafkaConsumer<>(props,
                states.keySerde().deserializer(), states.valueSerde().deserializer())) {
            consumer.subscribe(List.of(states.name()));
            long finished = 0;
            while (finished < feeds) {
                for (ConsumerRecord<String, PollerState> r : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(r.key(), r.value());
                    last = Instant.ofEpochMilli(r.timestamp());
                }
                finished = latest.values().stream().filter(done).count();
                if (Duration.between(start, Instant.now()).toMinutes() > 10) {
                    throw new IllegalStateException("round not finished after 10 min: " + finished + " of " + feeds);
                }
            }
        }
        return Duration.between(start, last);
    }

    private static long countRecords(KafkaConfig kafka, String topic) {
        Map<String, Object> props = kafka.commonProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-count-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                count += consumer.poll(Duration.ofMillis(500)).count();
            }
        }
        return count;
    }

    /** Samples the heap in use, and the old generation after each collection (what stays alive). */
    private static final class HeapSampler {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peakUsed;

        private HeapSampler() {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            thread = new Thread(() -> {
                while (running) {
                    peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread.start();
            return sampler;
        }

        void stop() {
            running = false;
        }

        double peakUsedMiB() {
            return peakUsed / 1048576.0;
        }

        double peakAfterGcMiB() {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null
                        && pool.getName().toLowerCase(java.util.Locale.ROOT).contains("old")) {
                    peak = Math.max(peak, pool.getCollectionUsage().getUsed());
                }
            }
            return peak / 1048576.0;
        }
    }
}
