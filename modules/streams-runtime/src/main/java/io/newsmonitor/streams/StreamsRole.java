package io.newsmonitor.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newsmonitor.runtime.Fatal;
import io.newsmonitor.runtime.Health;
import io.newsmonitor.runtime.RoleHandle;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A role that runs a Kafka Streams topology, as every such role runs it: its Kafka metrics (records processed, lag,
 * commit latency, dropped records) and its dead letters in the process's registry, health from the Streams state,
 * a warning naming what it waits for when it stays out of {@code RUNNING} ({@link RebalanceWatch}), and a policy for
 * failed threads.
 *
 * <p>A failed stream thread is replaced, up to {@value #THREAD_FAILURES} times; past that the instance stops and, in
 * state {@code ERROR}, the role is reported {@link Fatal fatal} (the process exits so that a supervisor restarts it).
 */
public final class StreamsRole implements RoleHandle {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRole.class);
    private static final Duration CLOSE = Duration.ofSeconds(30);
    private static final int THREAD_FAILURES = 3;
    /** How long a role may stay out of {@code RUNNING} before it says why ({@link RebalanceWatch}). */
    private static final Duration STALL_PATIENCE = Duration.ofSeconds(30);
    private static final Duration STALL_CHECK = Duration.ofSeconds(5);

    private final String name;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final ScheduledExecutorService watcher;

    private StreamsRole(String name, KafkaStreams streams, KafkaStreamsMetrics metrics,
                        ScheduledExecutorService watcher) {
        this.name = name;
        this.streams = streams;
        this.metrics = metrics;
        this.watcher = watcher;
    }

    /**
     * Starts a topology.
     *
     * @param name       the role's name, as logs, health and the {@code role} tag of its meters show it
     * @param properties its Streams properties ({@link StreamsProperties})
     * @param fatal      what to do once it stopped for good
     */
    public static StreamsRole start(String name, Topology topology, Properties properties, MeterRegistry registry,
                                    Fatal fatal) {
        Properties props = new Properties();
        props.putAll(properties);
        props.put(DeadLetters.CONFIG, new DeadLetters(registry, name));
        KafkaStreams streams = new KafkaStreams(topology, props);
        AtomicInteger failures = new AtomicInteger();
        streams.setUncaughtExceptionHandler(e -> {
            if (failures.incrementAndGet() > THREAD_FAILURES) {
                LOG.error("{}: stream thread failed {} times, stopping", name, failures.get(), e);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            LOG.error("{}: stream thread failed, replacing it", name, e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        RebalanceWatch watch = new RebalanceWatch(name, STALL_PATIENCE, () -> System.nanoTime() / 1_000_000);
        streams.setGlobalStateRestoreListener(watch);
        streams.setStateListener((now, before) -> {
            LOG.info("{}: {}", name, now);
            watch.stateChanged(now);
            if (now == KafkaStreams.State.ERROR) {
                fatal.stopped(name);
            }
        });
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams, List.of(Tag.of("role", name)));
        metrics.bindTo(registry);
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name + "-rebalance-watch");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(() -> watch.check().ifPresent(LOG::warn), STALL_CHECK.toMillis(),
                STALL_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        streams.start();
        return new StreamsRole(name, streams, metrics, watcher);
    }

    /** The running Kafka Streams instance, for interactive queries of its stores. */
    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public String name() {
        return name;
    }

    /** Ready in state {@code RUNNING}; alive until it stops for good ({@code ERROR}, or closed). */
    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        return switch (state) {
            case RUNNING -> Health.ready(state.name());
            case CREATED, REBALANCING -> Health.notReady(state.name());
            default -> Health.failed(state.name());
        };
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        streams.close(CLOSE);
        metrics.close();
    }
}
