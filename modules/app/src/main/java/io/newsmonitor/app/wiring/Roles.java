package io.newsmonitor.app.wiring;

import io.newsmonitor.poller.config.PollerConfig;
import io.newsmonitor.poller.http.HostGate;
import io.newsmonitor.poller.http.HttpFetcher;
import io.newsmonitor.poller.normalise.AnnouncementFactory;
import io.newsmonitor.poller.runtime.PollerService;
import io.newsmonitor.poller.runtime.Schedule;
import io.newsmonitor.poller.runtime.SourcePoller;
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
import java.util.Random;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the roles; each returned handle stops its role cleanly when closed. */
public final class Roles {

    private static final Logger LOG = LoggerFactory.getLogger(Roles.class);
    private static final Duration STREAMS_CLOSE = Duration.ofSeconds(30);

    private Roles() {
    }

    /** Creates every topic of the contract that does not exist yet. */
    public static void createTopics(AppConfig config) {
        TopicCreator.ensure(config.kafka().commonProperties(),
                config.kafka().topics().all(Aggregate.topicNames()));
    }

    /** Starts a poller instance on a thread of its own. */
    public static AutoCloseable poller(AppConfig config) {
        PollerConfig p = config.poller();
        Clock clock = Clock.systemUTC();
        Schedule schedule = new Schedule(new Random());
        SourcePoller sourcePoller = new SourcePoller(new HttpFetcher(p.http()), new HostGate(p.hostGap()),
                new AnnouncementFactory(p.futureTolerance()), schedule, p.seenWindow(), clock);
        PollerService service = new PollerService(p.runtime(), config.kafka(), sourcePoller, schedule, clock);
        Thread thread = new Thread(service::run, "poller");
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

    private static AutoCloseable streams(String role, KafkaStreams streams) {
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("{}: stream thread failed, replacing it", role, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> LOG.info("{}: {}", role, now));
        streams.start();
        return () -> streams.close(STREAMS_CLOSE);
    }
}
