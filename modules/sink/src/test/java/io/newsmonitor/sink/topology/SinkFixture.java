package io.newsmonitor.sink.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.model.Alert;
import io.newsmonitor.rules.Rules;
import io.newsmonitor.sink.SinkFixtures;
import io.newsmonitor.sink.config.SinkConfig;
import io.newsmonitor.streams.StreamsRole;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * What the alert tests share beyond {@link SinkFixtures}: typed input and alert topics of a driver, and a sink
 * instance on a broker.
 */
final class SinkFixture {

    /** The rules of the project's dictionaries. */
    static final Rules RULES = SinkFixtures.RULES;

    private SinkFixture() {
    }

    /** A test driver of the sink topology with the default settings, its wall clock starting at {@code wallClock}. */
    static TopologyTestDriver driver(Topics topics, Instant wallClock) {
        return SinkFixtures.driver(SinkFixtures.config(sink -> { }), topics, wallClock);
    }

    /** An input topic of the driver. */
    static <V> TestInputTopic<String, V> input(TopologyTestDriver driver, Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** The alerts topic of the driver. */
    static TestOutputTopic<String, Alert> alerts(TopologyTestDriver driver, Topics topics) {
        return driver.createOutputTopic(topics.alerts().name(), topics.alerts().keySerde().deserializer(),
                topics.alerts().valueSerde().deserializer());
    }

    /** The application id of the sink {@link #start} starts: its topic prefix and {@code -sink}. */
    static String applicationId(KafkaConfig kafka) {
        return kafka.topicPrefix() + "-sink";
    }

    /**
     * A sink instance on the cluster of {@code kafka}, with an application id of its topic prefix and its state in
     * {@code state}, committing every 100 ms so that its output shows quickly.
     */
    static StreamsRole start(KafkaConfig kafka, Path state, MeterRegistry registry) {
        SinkConfig config = SinkFixtures.config(sink -> sink.put("applicationId", applicationId(kafka))
                .put("stateDir", state.toString()));
        Properties props = SinkTopology.properties(config, kafka, kafka.topics());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        return StreamsRole.start("sink", SinkTopology.build(config, RULES, kafka.topics(), registry), props, registry,
                role -> { });
    }
}
