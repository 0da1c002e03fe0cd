package io.newsmonitor.app.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.runtime.RoleHandle;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.TopicCreator;
import io.newsmonitor.topics.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code newsmonitor bench}: the pipeline's throughput, latency and growth on generated announcements
 * ({@link SyntheticNews}), each measurement on fresh topics and empty state, the roles started through their facades.
 *
 * <ol>
 *   <li>Pass-through: Kafka's ceiling, a Streams copy of the raw topic ({@link PassThrough}), on a burst.</li>
 *   <li>Full path: the same burst through processor and sink; time until all of it is visible to a
 *       {@code read_committed} reader on the classified topic (first seen and duplicates) and until the sink has
 *       committed everything it makes of it (alerts, aggregates); throughput and its ratio to the pass-through.</li>
 *   <li>Latency: announcements offered at a fixed rate; raw append to the first alert's append, both broker
 *       timestamps ({@code LogAppendTime}); over the whole run, and over the announcements offered from the
 *       {@link #WARM_UP}'s end on (the fresh roles' own start-up, not the pipeline's steady pace, made the tail at
 *       low rates).</li>
 *   <li>Processor alone, with the project's dictionaries and with a larger actor dictionary.</li>
 *   <li>Growth: a burst with {@code n} announcements already in the dedup and story windows.</li>
 * </ol>
 */
public final class Bench {

    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final Duration SPACING = Duration.ofSeconds(30);
    private static final Duration CHECK_EVERY = Duration.ofMillis(25);
    /** Publication span of the growth runs: within the default story window (72 h), so all are story candidates. */
    private static final Duration GROWTH_SPAN = Duration.ofHours(36);
    /**
     * The first seconds of a latency run (from its first append), left out of its steady-state figure: at 20/s the
     * announcements of the first 8 s after fresh roles started took 1.2 to 2.8 s each, all later ones under 0.7 s.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(10);

    private final BenchCluster cluster;
    private final BenchOptions options;
    private final BenchRoles roles;
    private final String run;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BenchReport report = new BenchReport();

    private Bench(AppConfig config, BenchOptions options, String run) {
        this.cluster = new BenchCluster(config, run);
        this.options = options;
        this.run = run;
        this.roles = new BenchRoles(config, options.stateRoot());
    }

    /** Runs every measurement against {@code config}'s cluster, prints the table and writes the JSON report. */
    public static Path run(AppConfig config, BenchOptions options, PrintWriter out) {
        String run = Long.toString(System.currentTimeMillis() / 1000, 36);
        Bench bench = new Bench(config, options, run);
        bench.measure();
        bench.report.print(out);
        Path json = bench.report.write(options.output(), run);
        out.println("JSON: " + json);
        out.flush();
        return json;
    }

    private void measure() {
        report.context("run", run);
        report.context("bootstrapServers", cluster.bootstrapServers());
        report.context("partitions", cluster.config().kafka().partitions());
        report.context("cores", Runtime.getRuntime().availableProcessors());
        report.context("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
        report.context("count", options.count());
        report.context("warmUp", options.warmUp());
        report.context("seed", options.seed());
        report.context("processorCommitMs", cluster.config().processor().commitInterval().toMillis());
        report.context("sinkCommitMs", cluster.config().sink().commitInterval().toMillis());
        if (options.warmUp() > 0) {
            warmUp();
        }
        long baseline = HeapSampler.liveMb();
        report.add("heap live before the roles (broker included)", baseline, "MB");

        double passThrough = passThrough();
        double full = fullPath(baseline);
        report.atLeast("full path / pass-through", full / passThrough, "ratio", 0.3);
        latency();
        double project = processorAlone("processor alone, project dictionaries (" + Dictionaries.entries(
                cluster.config().dir()) + " actors)", cluster.config().dir(), "dict-project");
        if (options.dictionary() > 0) {
            Path big = Dictionaries.withActors(cluster.config().dir(), options.stateRoot().resolve(run)
                    .resolve("config-" + options.dictionary()), options.dictionary(), options.seed());
            double large = processorAlone("processor alone, " + options.dictionary() + " actors", big,
                    "dict-" + options.dictionary());
            report.atMost("cost of " + options.dictionary() + " actors / project's", project / large, "ratio", 1.5);
        }
        for (int size : options.growth()) {
            growth(size);
        }
    }

    private List<Announcement> burst(long seed, int count) {
        Instant start = Instant.now().minus(SPACING.multipliedBy(count + 1L));
        return new SyntheticNews(seed, start, SPACING).next(count);
    }

    /**
     * The full path once on a burst of its own, so that what follows measures a JVM whose code is compiled, as a
     * service's is after its first minutes: on a fresh JVM the JIT compiler took more CPU than the processor itself
     * during the first burst (JFR, 3,000 announcements), and the pass-through, measured first, ran at half its warm
     * rate. Its rate is reported too, as what a burst meets right after a start.
     */
    private void warmUp() {
        String name = run + "-warm";
        KafkaConfig kafka = cluster.fresh("warm");
        List<ProducerRecord<String, byte[]>> records = RawWriter.serialised(kafka.topics().raw(),
                burst(options.seed() + 1, options.warmUp()));
        List<String> classified = List.of(kafka.topics().classified().name(), kafka.topics().duplicates().name());
        try (TopicWatch watch = TopicWatch.start(kafka.commonProperties(), classified, r -> { });
             Progress progress = new Progress(kafka.commonProperties());
             RoleHandle sink = roles.sink(name, kafka, registry);
             RoleHandle processor = roles.processor(name, kafka, registry)) {
            awaitReady(sink, processor);
            long start = System.nanoTime();
            new RawWriter(kafka).burst(records);
            await(() -> watch.count(classified) >= records.size(), "warm-up visible on classified");
            long alerted = awaitSinkCaughtUp(progress, name, kafka.topics(), "warm-up caught up");
            report.add("warm-up: full path on a fresh JVM, burst of " + records.size(), perSecond(records.size(),
                    start, alerted), "ann/s");
        }
    }

    /** Announcements per second of the pass-through topology on a burst. */
    private double passThrough() {
        KafkaConfig kafka = cluster.fresh("pass");
        Topics topics = kafka.topics();
        Topic<String, Announcement> copy = PassThrough.copy(topics);
        TopicCreator.ensure(kafka.commonProperties(), List.of(copy));
        List<ProducerRecord<String, byte[]>> records = RawWriter.serialised(topics.raw(),
                burst(options.seed(), options.count()));
        try (TopicWatch watch = TopicWatch.start(kafka.commonProperties(), List.of(copy.name()), r -> { });
             RoleHandle role = PassThrough.start(run + "-pass", kafka, cluster.config().processor().commitInterval(),
                     roles.stateDir(run, "pass-through"), registry, roles.fatal())) {
            awaitReady(role);
            long start = System.nanoTime();
            new RawWriter(kafka).burst(records);
            long done = await(() -> watch.count(List.of(copy.name())) >= records.size(), "pass-through copy");
            double perSecond = perSecond(records.size(), start, done);
            report.add("pass-through (Streams copy, exactly_once_v2)", perSecond, "ann/s");
            return perSecond;
        }
    }

    /** Announcements per second of the full path on a burst; time until visible on classified and alerts. */
    private double fullPath(long baselineHeap) {
        String name = run + "-full";
        KafkaConfig kafka = cluster.fresh("full");
        Topics topics = kafka.topics();
        List<String> classified = List.of(topics.classified().name(), topics.duplicates().name());
        List<ProducerRecord<String, byte[]>> records = RawWriter.serialised(topics.raw(),
                burst(options.seed(), options.count()));
        try (TopicWatch watch = TopicWatch.start(kafka.commonProperties(), classified, r -> { });
             Progress progress = new Progress(kafka.commonProperties());
             HeapSampler heap = HeapSampler.start();
             RoleHandle sink = roles.sink(name, kafka, registry);
             RoleHandle processor = roles.processor(name, kafka, registry)) {
            awaitReady(sink, processor);
            long start = System.nanoTime();
            new RawWriter(kafka).burst(records);
            long written = System.nanoTime();
            long visible = await(() -> watch.count(classified) >= records.size(), "burst visible on classified");
            long alerted = awaitSinkCaughtUp(progress, name, topics, "sink caught up");
            report.add("burst of " + records.size() + ": writing it to raw", seconds(start, written), "s");
            report.add("burst visible on classified (read_committed)", seconds(start, visible), "s");
            report.atMost("burst visible on alerts (sink committed all)", seconds(start, alerted), "s", 10);
            double perSecond = perSecond(records.size(), start, alerted);
            report.atLeast("full path raw -> processor -> sink", perSecond, "ann/s", 5_000);
            report.add("full path: peak heap in use (all roles and broker)", heap.peakMb(), "MB");
            report.add("full path: live heap of processor + sink", HeapSampler.liveMb() - baselineHeap, "MB");
            report.add("full path: processor state stores", storeMb(roles.stateDir(name, "processor")), "MB");
            report.add("full path: sink state stores", storeMb(roles.stateDir(name, "sink")), "MB");
            sinkAlone(name, kafka, progress, watch.count(List.of(topics.classified().name())));
            return perSecond;
        }
    }

    /**
     * Announcements per second of the sink alone: a second sink, from empty state under an application id of its
     * own, reads the classified announcements the full path left (its outputs go to the same topics, which nothing
     * measures after this). What the sink can take, apart from the processor that feeds it in the full path.
     */
    private void sinkAlone(String name, KafkaConfig kafka, Progress progress, long classified) {
        String alone = name + "-alone";
        Topics topics = kafka.topics();
        try (RoleHandle sink = roles.sink(alone, kafka, registry)) {
            awaitReady(sink);
            long start = System.nanoTime();
            long done = await(() -> progress.caughtUp(alone + "-sink", List.of(topics.classified().name()))
                    && progress.settled(sinkOutputs(topics)), "sink alone caught up");
            report.add("sink alone on the " + classified + " classified announcements", perSecond(classified, start,
                    done), "ann/s");
        }
    }

    /** When the sink of the run {@code name} has read all of classified and its outputs are committed. */
    private static long awaitSinkCaughtUp(Progress progress, String name, Topics topics, String what) {
        return await(() -> progress.caughtUp(name + "-sink", List.of(topics.classified().name()))
                && progress.settled(sinkOutputs(topics)), what);
    }

    private static List<String> sinkOutputs(Topics topics) {
        List<String> outputs = new ArrayList<>(List.of(topics.alerts().name()));
        Topics.AGGREGATE_NAMES.forEach(a -> outputs.add(topics.aggregate(a).name()));
        return outputs;
    }

    /** Raw append to first alert append, at the offered rate. */
    private void latency() {
        String name = run + "-latency";
        KafkaConfig kafka = cluster.fresh("latency");
        Topics topics = kafka.topics();
        int count = options.rate() * options.latencySeconds();
        Duration spacing = Duration.ofMillis(Math.max(1, 1000 / options.rate()));
        List<Announcement> announcements = new SyntheticNews(options.seed() + 1,
                Instant.now().minus(spacing.multipliedBy(count)), spacing).next(count);
        List<ProducerRecord<String, byte[]>> records = RawWriter.serialised(topics.raw(), announcements);
        Map<String, Long> alertedAt = new ConcurrentHashMap<>();
        Topic<String, Alert> alerts = topics.alerts();
        try (TopicWatch watch = TopicWatch.start(kafka.commonProperties(), List.of(alerts.name()), r ->
                alertedAt.putIfAbsent(alerts.valueSerde().deserializer().deserialize(alerts.name(), r.value())
                        .announcementId(), r.timestamp()));
             Progress progress = new Progress(kafka.commonProperties());
             RoleHandle sink = roles.sink(name, kafka, registry);
             RoleHandle processor = roles.processor(name, kafka, registry)) {
            awaitReady(sink, processor);
            long[] appended = new RawWriter(kafka).paced(records, options.rate());
            await(() -> progress.caughtUp(name + "-processor", List.of(topics.raw().name()))
                    && progress.caughtUp(name + "-sink", List.of(topics.classified().name()))
                    && progress.settled(List.of(alerts.name())), "latency run caught up");
            await(() -> watch.count(List.of(alerts.name())) >= 0, "alerts read");
            long[] latencies = latencies(announcements, appended, alertedAt);
            report.context("latencyAlerted", latencies.length);
            String prefix = "raw append -> alert append at " + options.rate() + "/s ";
            report.add(prefix + "p50", percentile(latencies, 0.50), "ms");
            report.add(prefix + "p95", percentile(latencies, 0.95), "ms");
            report.atMost(prefix + "p99", percentile(latencies, 0.99), "ms", 250);
            report.add(prefix + "max", latencies.length == 0 ? 0 : latencies[latencies.length - 1], "ms");
            long[] steady = latencies(announcements, appended, alertedAt, appended[0] + WARM_UP.toMillis());
            if (steady.length > 0) {
                report.add(prefix + "p99 from " + WARM_UP.toSeconds() + " s on", percentile(steady, 0.99), "ms");
            }
            report.add("latency run: announcements alerted", latencies.length, "ann");
        }
    }

    private static long[] latencies(List<Announcement> announcements, long[] appended, Map<String, Long> alertedAt) {
        return latencies(announcements, appended, alertedAt, Long.MIN_VALUE);
    }

    /** The sorted latencies of the announcements alerted, among those appended from {@code from} (epoch ms) on. */
    private static long[] latencies(List<Announcement> announcements, long[] appended, Map<String, Long> alertedAt,
                                    long from) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < announcements.size(); i++) {
            Long alerted = alertedAt.get(announcements.get(i).id());
            if (alerted != null && appended[i] >= from) {
                out.add(alerted - appended[i]);
            }
        }
        long[] sorted = out.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Announcements per second of the processor alone on a burst, with the dictionaries of {@code configDir}. */
    private double processorAlone(String label, Path configDir, String measurement) {
        String name = run + "-" + measurement;
        KafkaConfig kafka = cluster.fresh(measurement);
        Topics topics = kafka.topics();
        List<String> outputs = List.of(topics.classified().name(), topics.duplicates().name());
        List<ProducerRecord<String, byte[]>> records = RawWriter.serialised(topics.raw(),
                burst(options.seed(), options.count()));
        try (TopicWatch watch = TopicWatch.start(kafka.commonProperties(), outputs, r -> { });
             RoleHandle processor = roles.processor(name, kafka, cluster.config().processor(), configDir,
                     registry)) {
            awaitReady(processor);
            long start = System.nanoTime();
            new RawWriter(kafka).burst(records);
            long done = await(() -> watch.count(outputs) >= records.size(), label);
            double perSecond = perSecond(records.size(), start, done);
            report.add(label, perSecond, "ann/s");
            return perSecond;
        }
    }

    /**
     * Throughput and heap of the processor on a burst when {@code size} announcements are already in its dedup and
     * story windows (published within {@link #GROWTH_SPAN} before the burst).
     */
    private void growth(int size) {
        String name = run + "-growth-" + size;
        KafkaConfig kafka = cluster.fresh("growth-" + size);
        Topics topics = kafka.topics();
        List<String> outputs = List.of(topics.classified().name(), topics.duplicates().name());
        Duration spacing = GROWTH_SPAN.dividedBy(size + options.count());
        SyntheticNews news = new SyntheticNews(options.seed(), Instant.now().minus(GROWTH_SPAN), spacing);
        List<ProducerRecord<String, byte[]>> before = RawWriter.serialised(topics.raw(), news.next(size));
        List<ProducerRecord<String, byte[]>> records = RawWriter.serialised(topics.raw(), news.next(options.count()));
        long baseline = HeapSampler.liveMb();
        try (TopicWatch watch = TopicWatch.start(kafka.commonProperties(), outputs, r -> { });
             HeapSampler heap = HeapSampler.start();
             RoleHandle processor = roles.processor(name, kafka, registry)) {
            awaitReady(processor);
            RawWriter writer = new RawWriter(kafka);
            writer.burst(before);
            await(() -> watch.count(outputs) >= before.size(), size + " announcements in the windows");
            long start = System.nanoTime();
            writer.burst(records);
            long done = await(() -> watch.count(outputs) >= before.size() + records.size(), "growth burst");
            String label = "processor alone, " + size + " announcements in the windows";
            report.add(label, perSecond(records.size(), start, done), "ann/s");
            report.add(label + ": peak heap in use", heap.peakMb(), "MB");
            report.add(label + ": live heap", HeapSampler.liveMb() - baseline, "MB");
            report.add(label + ": state stores", storeMb(roles.stateDir(name, "processor")), "MB");
        }
    }

    private static void awaitReady(RoleHandle... handles) {
        await(() -> Arrays.stream(handles).allMatch(h -> h.health().ready()), "roles running");
    }

    private static long await(BooleanSupplier done, String what) {
        return TopicWatch.await(done, TIMEOUT, CHECK_EVERY, what);
    }

    private static double perSecond(long count, long startNanos, long endNanos) {
        return count / ((endNanos - startNanos) / 1e9);
    }

    private static double seconds(long startNanos, long endNanos) {
        return Math.round((endNanos - startNanos) / 1e7) / 100.0;
    }

    private static long storeMb(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() >> 20;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the state stores in " + dir, e);
        }
    }
}
