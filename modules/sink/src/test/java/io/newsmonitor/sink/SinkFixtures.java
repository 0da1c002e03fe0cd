package io.newsmonitor.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.config.Settings;
import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Cooperation;
import io.newsmonitor.model.Evidence;
import io.newsmonitor.model.ThemeScore;
import io.newsmonitor.rules.Rules;
import io.newsmonitor.sink.config.SinkConfig;
import io.newsmonitor.sink.query.StoreAccess;
import io.newsmonitor.sink.topology.SinkTopology;
import io.newsmonitor.testkit.TestConfigDir;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/** The sink topology in a {@link TopologyTestDriver}, and announcements to feed it, for the specifications. */
public final class SinkFixtures {

    /** The rules of the project's dictionaries. */
    public static final Rules RULES = Rules.load(TestConfigDir.projectConfig());

    private SinkFixtures() {
    }

    /** Sink settings: the defaults, with what {@code overrides} sets in the {@code sink} section. */
    public static SinkConfig config(Consumer<ObjectNode> overrides) {
        ObjectNode yaml = new ObjectMapper().createObjectNode();
        overrides.accept(yaml.putObject("sink"));
        return SinkConfig.from(Settings.of("test", yaml, SinkConfig.SETTINGS));
    }

    /** A driver of the sink topology, its wall clock at {@code start}. */
    public static TopologyTestDriver driver(SinkConfig config, Topics topics, Instant start) {
        Properties props = SinkTopology.properties(config, new KafkaConfig("unused:9092", topics.prefix(), 1,
                (short) 1, Map.of()), topics);
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("sink-test").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TopologyTestDriver(SinkTopology.build(config, RULES, topics, new SimpleMeterRegistry()), props, start);
    }

    /**
     * Lets the driver's wall clock run one default {@code sink.aggregates.emitInterval}, so that the counts changed
     * since the last time are written to the aggregate topics and their trends evaluated.
     */
    public static void emitCounts(TopologyTestDriver driver) {
        driver.advanceWallClockTime(SinkConfig.EMIT_INTERVAL.defaultValue());
    }

    /** The driver's stores, as {@code LocalSinkQueries} reads them. */
    public static StoreAccess stores(TopologyTestDriver driver) {
        return new StoreAccess() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name) {
                return driver.getKeyValueStore(name);
            }

            @Override
            public <V> ReadOnlyWindowStore<String, V> windowStore(String name) {
                return driver.getWindowStore(name);
            }
        };
    }

    public static <V> TestInputTopic<String, V> input(TopologyTestDriver driver, Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    public static <V> TestOutputTopic<String, V> output(TopologyTestDriver driver, Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }

    /**
     * An announcement published at {@code published} (and fetched then) from source {@code src}, mentioning these
     * countries, with these themes (score 4), cooperating as one pair of the first two countries when {@code ai}.
     */
    public static ClassifiedAnnouncement announcement(String id, Instant published, boolean ai, List<String> countries,
                                                      List<String> themes) {
        return announcement(id, published, ai, countries, themes, "Text of " + id, List.of());
    }

    /** The same, with its text and evidence. */
    public static ClassifiedAnnouncement announcement(String id, Instant published, boolean ai, List<String> countries,
                                                      List<String> themes, String text, List<Evidence> evidence) {
        List<ActorMention> actors = countries.stream().map(c -> new ActorMention(c, ActorType.COUNTRY, c, 1))
                .toList();
        Cooperation cooperation = ai ? new Cooperation(countries, List.of(countries.subList(0, 2)),
                List.of("partenariat")) : Cooperation.NONE;
        return new ClassifiedAnnouncement(id, "src", "https://example.org/" + id, "Title " + id, "fr", published,
                published, published, text, actors, List.copyOf(countries),
                themes.stream().map(t -> new ThemeScore(t, 4.0)).toList(), ai, cooperation, id, evidence, "v1");
    }
}
