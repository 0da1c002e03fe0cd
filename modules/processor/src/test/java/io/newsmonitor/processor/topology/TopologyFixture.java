package io.newsmonitor.processor.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.config.Settings;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Duplicate;
import io.newsmonitor.processor.config.ProcessorConfig;
import io.newsmonitor.processor.taxonomy.Taxonomy;
import io.newsmonitor.processor.taxonomy.TaxonomyLoader;
import io.newsmonitor.text.TextAnalyzer;
import io.newsmonitor.testkit.TestConfigDir;
import io.newsmonitor.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The processor topology in a {@link TopologyTestDriver}, with the project's dictionaries and default settings:
 * announcements in, classified announcements and duplicates out.
 */
public final class TopologyFixture implements AutoCloseable {

    /** The project's taxonomy, loaded once: it is immutable. */
    public static final Taxonomy TAXONOMY = new TaxonomyLoader(new TextAnalyzer()).load(TestConfigDir.projectConfig());

    public static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

    final Topics topics = new Topics("test", 1, (short) 1);
    final TopologyTestDriver driver;
    final TestInputTopic<String, Announcement> raw;
    final TestInputTopic<byte[], byte[]> rawBytes;
    final TestOutputTopic<String, ClassifiedAnnouncement> classified;
    final TestOutputTopic<String, Duplicate> duplicates;

    public TopologyFixture() {
        this(defaults());
    }

    public TopologyFixture(ProcessorConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "processor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.putAll(ProcessorTopology.properties(config, new KafkaConfig("unused:9092",
                "test", 1, (short) 1, Map.of()), topics));
        props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir().toString());
        driver = new TopologyTestDriver(ProcessorTopology.build(config, TAXONOMY, topics, topics,
                Clock.fixed(NOW, ZoneOffset.UTC)), props, NOW);
        raw = driver.createInputTopic(topics.raw().name(), new StringSerializer(),
                topics.raw().valueSerde().serializer());
        rawBytes = driver.createInputTopic(topics.raw().name(), new ByteArraySerializer(), new ByteArraySerializer());
        classified = driver.createOutputTopic(topics.classified().name(), topics.classified().keySerde()
                .deserializer(), topics.classified().valueSerde().deserializer());
        duplicates = driver.createOutputTopic(topics.duplicates().name(), topics.duplicates().keySerde()
                .deserializer(), topics.duplicates().valueSerde().deserializer());
    }

    /** The default processor settings. */
    public static ProcessorConfig defaults() {
        return ProcessorConfig.from(Settings.of("defaults",
                new ObjectMapper().createObjectNode(), ProcessorConfig.SETTINGS));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("processor-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends announcements in order. */
    public void send(List<Announcement> announcements) {
        announcements.forEach(a -> raw.pipeInput(a.id(), a));
    }

    public List<ClassifiedAnnouncement> classified() {
        return classified.readValuesToList();
    }

    public List<Duplicate> duplicates() {
        return duplicates.readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
