package io.newsmonitor.sink.topology;

import static io.newsmonitor.sink.SinkFixtures.announcement;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmonitor.model.AggregateCount;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.sink.SinkFixtures;
import io.newsmonitor.sink.config.SinkConfig;
import io.newsmonitor.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The aggregate topics, fed through a {@link TopologyTestDriver}: per dimension key, hourly and daily. */
class AggregatesTopologyTest {

    private static final Instant DAY = Instant.parse("2026-02-10T00:00:00Z");

    private final Topics topics = new Topics("test", 1, (short) 1);
    private TopologyTestDriver driver;
    private TestInputTopic<String, ClassifiedAnnouncement> classified;

    private void start(SinkConfig config) {
        driver = SinkFixtures.driver(config, topics, DAY);
        classified = SinkFixtures.input(driver, topics.classified());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private void publish(ClassifiedAnnouncement a) {
        classified.pipeInput(a.id(), a, a.fetchedAt());
    }

    /** The latest count per record key of every aggregate topic, once the changed counts have been written. */
    private Map<String, Map<String, AggregateCount>> latest() {
        SinkFixtures.emitCounts(driver);
        Map<String, Map<String, AggregateCount>> latest = new HashMap<>();
        for (String name : Topics.AGGREGATE_NAMES) {
            latest.put(name, SinkFixtures.output(driver, topics.aggregate(name)).readKeyValuesToMap());
        }
        return latest;
    }

    @Test
    void anAnnouncementCountsOnceForEveryKeyOfEveryDimensionHourlyAndDaily() {
        start(SinkFixtures.config(sink -> { }));
        Instant published = DAY.plus(Duration.ofMinutes(90));

        publish(announcement("a1", published, true, List.of("AL", "FR"), List.of("ai", "regulation")));

        Map<String, Map<String, AggregateCount>> latest = latest();
        Map<String, List<String>> keys = Map.of(
                Topics.DIMENSION_ACTORS, List.of("AL", "FR"),
                Topics.DIMENSION_COUNTRIES, List.of("AL", "FR"),
                Topics.DIMENSION_THEMES, List.of("ai", "regulation"),
                Topics.DIMENSION_COUNTRY_THEMES, List.of("AL|ai", "AL|regulation", "FR|ai", "FR|regulation"),
                Topics.DIMENSION_PAIRS, List.of("AL+FR"),
                Topics.DIMENSION_SOURCES, List.of("src"));
        keys.forEach((dimension, expected) -> {
            Instant hour = DAY.plus(Duration.ofHours(1));
            assertThat(latest.get(dimension + ".hourly").values()).containsExactlyInAnyOrderElementsOf(expected
                    .stream().map(key -> new AggregateCount(dimension + ".hourly", key, hour,
                            hour.plus(Duration.ofHours(1)), 1, List.of("a1"))).toList());
            assertThat(latest.get(dimension + ".daily")).containsOnlyKeys(expected.stream()
                    .map(key -> key + "@2026-02-10T00:00:00Z").toList());
            assertThat(latest.get(dimension + ".daily").values()).allSatisfy(c -> {
                assertThat(c.windowEnd()).isEqualTo("2026-02-11T00:00:00Z");
                assertThat(c.count()).isEqualTo(1);
            });
        });
    }

    @Test
    void anAnnouncementNotOfAiCooperationCountsForNoPair() {
        start(SinkFixtures.config(sink -> { }));

        publish(announcement("a1", DAY, false, List.of("AL", "FR"), List.of("ai")));

        assertThat(latest().get("pairs.daily")).isEmpty();
    }

    @Test
    void aWindowKeepsTheLatestFiveAnnouncementsByPublicationTimeWhateverTheirOrder() {
        start(SinkFixtures.config(sink -> { }));
        for (int minute : List.of(5, 50, 10, 40, 20, 30, 1)) {
            publish(announcement("m" + minute, DAY.plus(Duration.ofMinutes(minute)), false, List.of("FR"),
                    List.of()));
        }

        AggregateCount fr = latest().get("countries.hourly").get("FR@2026-02-10T00:00:00Z");

        assertThat(fr.count()).isEqualTo(7);
        assertThat(fr.samples()).containsExactly("m50", "m40", "m30", "m20", "m10");
    }

    @Test
    void aWindowChangedByManyAnnouncementsIsWrittenOnceAtTheNextFlushWithItsFinalCount() {
        start(SinkFixtures.config(sink -> { }));
        TestOutputTopic<String, AggregateCount> hourly = SinkFixtures.output(driver,
                topics.aggregate("countries.hourly"));
        publish(announcement("m0", DAY, false, List.of("FR"), List.of()));
        SinkFixtures.emitCounts(driver);
        hourly.readKeyValuesToList();

        for (int minute = 1; minute < 10; minute++) {
            publish(announcement("m" + minute, DAY.plus(Duration.ofMinutes(minute)), false, List.of("FR"),
                    List.of()));
        }
        assertThat(hourly.isEmpty()).as("nothing written per announcement").isTrue();
        SinkFixtures.emitCounts(driver);

        assertThat(hourly.readKeyValuesToList()).containsExactly(KeyValue.pair("FR@2026-02-10T00:00:00Z",
                new AggregateCount("countries.hourly", "FR", DAY, DAY.plus(Duration.ofHours(1)), 10,
                        List.of("m9", "m8", "m7", "m6", "m5"))));
        SinkFixtures.emitCounts(driver);
        assertThat(hourly.isEmpty()).as("nothing changed since").isTrue();
    }

    @Test
    void aLateAnnouncementCountsInTheWindowsItsGraceStillReaches() {
        start(SinkFixtures.config(sink -> sink.putObject("aggregates").put("grace", "2h")));
        publish(announcement("now", DAY.plus(Duration.ofHours(5)), false, List.of("FR"), List.of()));

        publish(announcement("within", DAY.plus(Duration.ofMinutes(210)), false, List.of("FR"), List.of()));
        publish(announcement("past", DAY.plus(Duration.ofMinutes(30)), false, List.of("FR"), List.of()));

        Map<String, Map<String, AggregateCount>> latest = latest();
        assertThat(latest.get("countries.hourly")).containsOnlyKeys("FR@2026-02-10T05:00:00Z",
                "FR@2026-02-10T03:00:00Z");
        assertThat(latest.get("countries.daily").get("FR@2026-02-10T00:00:00Z").count())
                .as("the day's window is still open").isEqualTo(3);
    }

    @Test
    void everyDimensionAndWindowSizeShareOneRepartitionTopic() {
        String description = SinkTopology.build(SinkFixtures.config(sink -> { }), SinkFixtures.RULES, topics,
                new SimpleMeterRegistry())
                .describe().toString();

        List<String> repartitions = new ArrayList<>();
        Matcher topic = Pattern.compile("Sink: \\S+ \\(topic: ([^)]+-repartition)\\)").matcher(description);
        while (topic.find()) {
            repartitions.add(topic.group(1));
        }
        assertThat(repartitions).as("announcements.classified is partitioned by story already")
                .containsExactly("aggregates-repartition");
    }
}
