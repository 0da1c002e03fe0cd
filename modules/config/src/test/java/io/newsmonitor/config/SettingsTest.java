package io.newsmonitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad value or an unknown key stops start-up with a message naming the file and the key. */
class SettingsTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        Path file = dir.resolve("newsmonitor.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void readsValuesAndFallsBackToDefaults() throws Exception {
        Settings settings = Settings.load(file("kafka:\n  partitions: 12\n  topicPrefix: acme\n"),
                KafkaConfig.SETTINGS);

        assertThat(settings.get(KafkaConfig.PARTITIONS)).isEqualTo(12);
        assertThat(settings.get(KafkaConfig.TOPIC_PREFIX)).isEqualTo("acme");
        assertThat(settings.get(KafkaConfig.BOOTSTRAP_SERVERS)).isEqualTo("localhost:9092");
    }

    @Test
    void aValueBreakingARuleNamesFileKeyAndRule() throws Exception {
        Path file = file("kafka:\n  partitions: 0\n");

        assertThatThrownBy(() -> Settings.load(file, KafkaConfig.SETTINGS)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": kafka.partitions: must be at least 1, got '0'");
    }

    @Test
    void aValueOfTheWrongTypeNamesFileAndKey() throws Exception {
        Path file = file("kafka:\n  partitions: many\n");

        assertThatThrownBy(() -> Settings.load(file, KafkaConfig.SETTINGS))
                .hasMessage(file + ": kafka.partitions: must be a whole number, got 'many'");
    }

    @Test
    void anUnknownKeyIsRefusedRatherThanIgnored() throws Exception {
        Path file = file("kafka:\n  partitons: 3\n");

        assertThatThrownBy(() -> Settings.load(file, KafkaConfig.SETTINGS))
                .hasMessageStartingWith(file + ": kafka.partitons: unknown setting; known settings: [");
    }

    @Test
    void aMissingOrEmptyFileOrSectionMeansDefaults() throws Exception {
        assertThat(Settings.load(dir.resolve("absent.yaml"), KafkaConfig.SETTINGS).get(KafkaConfig.PARTITIONS))
                .isEqualTo(6);
        assertThat(Settings.load(file("# only a comment\n"), KafkaConfig.SETTINGS).get(KafkaConfig.PARTITIONS))
                .isEqualTo(6);
        assertThat(Settings.load(file("kafka:\n  # partitions: 3\n"), KafkaConfig.SETTINGS)
                .get(KafkaConfig.PARTITIONS)).isEqualTo(6);
    }

    @Test
    void invalidYamlNamesTheFile() throws Exception {
        Path file = file("kafka: [unclosed\n");

        assertThatThrownBy(() -> Settings.load(file, KafkaConfig.SETTINGS))
                .hasMessageStartingWith(file + ": not valid YAML");
    }

    @Test
    void durationsAreReadInIsoOrShorthand() {
        assertThat(Durations.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void commandLineOverridesAreValidatedToo() throws Exception {
        Settings settings = Settings.load(file("{}\n"), KafkaConfig.SETTINGS);

        assertThat(settings.get(KafkaConfig.BOOTSTRAP_SERVERS, "kafka1:9092,kafka2:9092"))
                .isEqualTo("kafka1:9092,kafka2:9092");
        assertThatThrownBy(() -> settings.get(KafkaConfig.BOOTSTRAP_SERVERS, "kafka1"))
                .hasMessage("command line: kafka.bootstrapServers: must be host:port[,host:port...], got 'kafka1'");
    }
}
