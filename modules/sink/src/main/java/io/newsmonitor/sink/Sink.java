package io.newsmonitor.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.rules.Rules;
import io.newsmonitor.runtime.Fatal;
import io.newsmonitor.sink.config.SinkConfig;
import io.newsmonitor.sink.topology.SinkTopology;
import io.newsmonitor.streams.StreamsRole;
import io.newsmonitor.topics.Topics;
import java.nio.file.Path;

/** The sink role, as a process starts it: an instance of the sink's Kafka Streams application. */
public final class Sink {

    private Sink() {
    }

    /**
     * Starts a sink instance reading and writing the topics of {@code kafka}, with the subscriptions' rules compiled
     * against the dictionaries of {@code configDir}.
     *
     * @return the running instance, whose {@link SinkRole#queries()} answer from its stores
     */
    public static SinkRole start(Path configDir, SinkConfig config, KafkaConfig kafka, MeterRegistry registry,
                                 Fatal fatal) {
        return start(Rules.load(configDir), config, kafka, registry, fatal);
    }

    /** Starts a sink instance with rules already loaded (shared with the web server's, say). */
    public static SinkRole start(Rules rules, SinkConfig config, KafkaConfig kafka, MeterRegistry registry,
                                 Fatal fatal) {
        Topics topics = kafka.topics();
        return new SinkRole(StreamsRole.start("sink", SinkTopology.build(config, rules, topics, registry),
                SinkTopology.properties(config, kafka, topics), registry, fatal), config.advertised());
    }
}
