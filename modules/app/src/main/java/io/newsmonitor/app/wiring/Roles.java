package io.newsmonitor.app.wiring;

import io.newsmonitor.poller.runtime.PollerService;
import io.newsmonitor.processor.taxonomy.Taxonomy;
import io.newsmonitor.processor.taxonomy.TaxonomyLoader;
import io.newsmonitor.processor.text.TextAnalyzer;
import io.newsmonitor.processor.topology.ProcessorConfig;
import io.newsmonitor.processor.topology.ProcessorTopology;
import io.newsmonitor.sink.aggregates.Aggregate;
import io.newsmonitor.sink.topology.SinkTopology;
import io.newsmonitor.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the roles; each returned handle stops its role cleanly when closed. */
public final class Roles {

    private static final Logger LOG = LoggerFactory.getLogger(Roles.class);
    private static final Duration STREAMS_CLOSE = Duration.ofSeconds(30);
    private static final int THREAD_FAILURES = 3;

    private Roles() {
    }

    /** Creates every topic of the contract that does not exist yet. */
    public static void createTopics(AppConfig config) {
        TopicCreator.ensure(config.kafka().commonProperties(),
                config.kafka().topics().all(Aggregate.topicNames()));
    }

    /** Starts a poller instance on a thread of its own. */
    public static AutoCloseable poller(AppConfig config) {
        PollerService service = PollerService.create(config.poller(), config.kafka());
        Thread thread = new Thread(() -> {
            service.run();
            if (service.failed()) {
                exitForRestart("poller");
            }
        }, "poller");
        thread.start();
        return () -> {
            service.close();
            thread.join(STREAMS_CLOSE.toMillis());
        };
    }

    /** Starts the processor's Kafka Streams application. */
    public static AutoCloseable processor(AppConfig config) {
        return processor(config, config.processor(), config.kafka().topics());
    }

    /**
     * Starts a processor writing to {@code output}'s topics with its own settings (for replay beside the live one).
     */
    public static AutoCloseable processor(AppConfig config, ProcessorConfig processorConfig, Topics output) {
        Taxonomy taxonomy = new TaxonomyLoader(new TextAnalyzer()).load(config.dir());
        LOG.info("Taxonomy {}: {} actors, {} themes", taxonomy.version(), taxonomy.actors().size(),
                taxonomy.themes().size());
        return streams("processor", new KafkaStreams(
                ProcessorTopology.build(processorConfig, taxonomy, config.kafka().topics(), output,
                        Clock.systemUTC()),
                ProcessorTopology.properties(processorConfig, config.kafka(), output)));
    }

    /** Starts the sink's Kafka Streams application. */
    public static AutoCloseable sink(AppConfig config) {
        Topics topics = config.kafka().topics();
        return streams("sink", new KafkaStreams(SinkTopology.build(config.sink(), topics),
                SinkTopology.properties(config.sink(), config.kafka(), topics)));
    }

    /**
     * A failed stream thread is replaced, up to {@value #THREAD_FAILURES} times; past that the instance stops and,
     * in state ERROR, the process exits with status 1 so that a supervisor restarts it rather than leaving a process
     * alive that does nothing.
     */
    private static AutoCloseable streams(String role, KafkaStreams streams) {
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        streams.setUncaughtExceptionHandler(e -> {
            if (failures.incrementAndGet() > THREAD_FAILURES) {
                LOG.error("{}: stream thread failed {} times, stopping", role, failures.get(), e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            LOG.error("{}: stream thread failed, replacing it", role, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("{}: {}", role, now);
            if (now == KafkaStreams.State.ERROR) {
                exitForRestart(role);
            }
        });
        streams.start();
        return () -> streams.close(STREAMS_CLOSE);
    }

    /**
     * A role that stopped for good ends the process with status 1, so that a supervisor restarts it rather than
     * leaving a process alive that does nothing. On a thread of its own: the shutdown hooks stop the other roles.
     */
    private static void exitForRestart(String role) {
        LOG.error("{}: stopped for good; exiting so that the process can be restarted", role);
        new Thread(() -> System.exit(1), "exit").start();
    }
}
