package io.newsmonitor.sink.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.config.Settings;
import io.newsmonitor.model.Alert;
import io.newsmonitor.rules.Rules;
import io.newsmonitor.sink.config.SinkConfig;
import io.newsmonitor.streams.StreamsRole;
import io.newsmonitor.testkit.TestConfigDir;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** What the sink's topology tests share: the project's dictionaries, a test driver, a sink instance on a broker. */
final class SinkFixture {

    /** The rules of the project's dictionaries. */
    static final Rules RULES = Rules.load(TestConfigDir.projectConfig());

    private SinkFixture() {
    }

    /** A test driver of the sink topology with the default settings, its wall clock starting at {@code wallClock}. */
    static TopologyTestDriver driver(Topics topics, Instant wallClock) throws IOException {
        SinkConfig config = SinkConfig.from(Settings.of("defaults", new ObjectMapper().createObjectNode(),
                SinkConfig.SETTINGS));
        Properties props = SinkTopology.properties(config, new KafkaConfig("unused:9092", topics.prefix(), 1,
                (short) 1, Map.of()), topics);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("sink-test").toString());
        return new TopologyTestDriver(SinkTopology.build(config, RULES, topics, new SimpleMeterRegistry()), props,
                wallClock);
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

    /**
     * A sink instance on the cluster of {@code kafka}, with an application id of its topic prefix and its state in
     * {@code state}, committing every 100 ms so that its output shows quickly.
     */
    static StreamsRole start(KafkaConfig kafka, Path state, MeterRegistry registry) {
        ObjectNode yaml = new ObjectMapper().createObjectNode();
        yaml.putObject("sink").put("applicationId", kafka.topicPrefix() + "-sink").put("stateDir", state.toString());
        SinkConfig config = SinkConfig.from(Settings.of("test", yaml, SinkConfig.SETTINGS));
        Properties props = SinkTopology.properties(config, kafka, kafka.topics());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        return StreamsRole.start("sink", SinkTopology.build(config, RULES, kafka.topics(), registry), props, registry,
                role -> { });
    }
}
