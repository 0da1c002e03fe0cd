package io.newsmonitor.sink.trends;

import static io.newsmonitor.sink.SinkFixtures.announcement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static java.util.stream.Collectors.toMap;

import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.Trend;
import io.newsmonitor.sink.SinkFixtures;
import io.newsmonitor.sink.query.LocalSinkQueries;
import io.newsmonitor.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Trends and trend alerts, fed through a {@link TopologyTestDriver} with the default thresholds (at least 3
 * announcements in 24 h, score at least 3).
 */
class TrendsTest {

    private static final Instant DAY = Instant.parse("2026-02-10T00:00:00Z");

    private final Topics topics = new Topics("test", 1, (short) 1);
    private final TopologyTestDriver driver = SinkFixtures.driver(SinkFixtures.config(sink -> { }), topics, DAY);
    private final TestInputTopic<String, ClassifiedAnnouncement> classified = SinkFixtures.input(driver,
            topics.classified());
    private final TestInputTopic<String, Subscription> subscriptions = SinkFixtures.input(driver,
            topics.subscriptions());
    private final TestOutputTopic<String, Trend> trends = SinkFixtures.output(driver, topics.trends());
    private final TestOutputTopic<String, Alert> alerts = SinkFixtures.output(driver, topics.alerts());

    @AfterEach
    void close() {
        driver.close();
    }

    private void publish(String id, Instant published, String country) {
        ClassifiedAnnouncement a = announcement(id, published, false, List.of(country), List.of());
        classified.pipeInput(a.id(), a, a.fetchedAt());
    }

    /** The trends written since the last call, once the counts changed since the last flush have been written. */
    private List<KeyValue<String, Trend>> trendsWritten() {
        SinkFixtures.emitCounts(driver);
        return trends.readKeyValuesToList();
    }

    /** The alerts written since the last call, once the counts changed since the last flush have been written. */
    private List<Alert> alertsWritten() {
        SinkFixtures.emitCounts(driver);
        return alerts.readValuesToList();
    }

    private static Subscription trendsOf(String id, String actor, boolean trendAlerts) {
        return new Subscription(id, null, List.of(actor), null, null, null, null, null, null, null, trendAlerts);
    }

    @Test
    void aKeyWithoutHistoryTrendsAtTheMinimumCountAndTheTrendEndsWhenItsDayHasPassed() {
        publish("a1", DAY.plus(Duration.ofHours(1)), "FR");
        publish("a2", DAY.plus(Duration.ofHours(2)), "FR");
        assertThat(trendsWritten()).as("two are below the minimum count").isEmpty();

        publish("a3", DAY.plus(Duration.ofHours(3)), "FR");

        assertThat(trendsWritten()).containsExactly(KeyValue.pair("actors/FR",
                new Trend("actors", "FR", Instant.parse("2026-02-09T04:00:00Z"),
                        Instant.parse("2026-02-10T04:00:00Z"), 3, 0.0, 3.0, true, List.of("a3", "a2", "a1"))));

        publish("later", DAY.plus(Duration.ofHours(27)), "DE");

        assertThat(trendsWritten()).as("its three announcements are now its baseline")
                .containsExactly(KeyValue.pair("actors/FR", new Trend("actors", "FR",
                        Instant.parse("2026-02-10T04:00:00Z"),
                        Instant.parse("2026-02-11T04:00:00Z"), 0, 0.21, -0.19, false, List.of())));
        assertThat(new LocalSinkQueries(SinkFixtures.stores(driver), List::of).trends()).isEmpty();
    }

    @Test
    void aKeyIsMeasuredAgainstItsOwnTrailingFourteenDays() {
        Instant noon = DAY.plus(Duration.ofHours(12));
        for (int day = 0; day < 14; day++) {
            publish("usual-" + day + "a", noon.plus(Duration.ofDays(day)), "FR");
            publish("usual-" + day + "b", noon.plus(Duration.ofDays(day)), "FR");
        }
        trendsWritten();
        Instant today = noon.plus(Duration.ofDays(14));

        for (int i = 0; i < 5; i++) {
            publish("busy-" + i, today.plus(Duration.ofMinutes(i)), "FR");
        }
        assertThat(trendsWritten()).as("5 against 2 a day: score 1.73").isEmpty();
        for (int i = 5; i < 11; i++) {
            publish("busy-" + i, today.plus(Duration.ofMinutes(i)), "FR");
        }

        Trend trend = latest(trendsWritten()).get("actors/FR");
        assertThat(trend.count()).as("six announcements written as one update count six").isEqualTo(11);
        assertThat(trend.baseline()).isEqualTo(2.0);
        assertThat(trend.score()).isEqualTo(5.2);
        assertThat(trend.samples()).containsExactly("busy-10", "busy-9", "busy-8", "busy-7", "busy-6");
        assertThat(new LocalSinkQueries(SinkFixtures.stores(driver), List::of).trends()).containsExactly(trend);
    }

    @Test
    void theTrendsFollowEventTimeHoweverTheCountsAreBatchedByTheWallClock() {
        List<ClassifiedAnnouncement> input = new ArrayList<>();
        for (int hour = 0; hour < 30; hour++) {
            for (int i = 0; i < hour % 4; i++) {
                input.add(announcement("h" + hour + "-" + i, DAY.plus(Duration.ofHours(hour))
                        .plus(Duration.ofMinutes(i)), false, List.of(hour % 3 == 0 ? "DE" : "FR"), List.of()));
            }
        }
        input.forEach(a -> classified.pipeInput(a.id(), a, a.fetchedAt()));
        Map<String, Trend> batchedHourly = latest(trendsWritten());

        try (TopologyTestDriver flushedEach = SinkFixtures.driver(SinkFixtures.config(sink -> { }), topics, DAY)) {
            TestInputTopic<String, ClassifiedAnnouncement> each = SinkFixtures.input(flushedEach,
                    topics.classified());
            TestOutputTopic<String, Trend> eachTrends = SinkFixtures.output(flushedEach, topics.trends());
            input.forEach(a -> {
                each.pipeInput(a.id(), a, a.fetchedAt());
                SinkFixtures.emitCounts(flushedEach);
            });

            assertThat(batchedHourly).isNotEmpty()
                    .isEqualTo(latest(eachTrends.readKeyValuesToList()));
        }
    }

    private static Map<String, Trend> latest(List<KeyValue<String, Trend>> written) {
        return written.stream().collect(toMap(kv -> kv.key, kv -> kv.value, (first, second) -> second));
    }

    @Test
    void aSubscriptionNamingATrendingKeyIsAlertedOncePerEpisode() {
        subscriptions.pipeInput("fr", trendsOf("fr", "FR", true));
        subscriptions.pipeInput("de", trendsOf("de", "DE", true));
        subscriptions.pipeInput("quiet", trendsOf("quiet", "FR", false));
        for (int hour = 1; hour <= 4; hour++) {
            publish("a" + hour, DAY.plus(Duration.ofHours(hour)), "FR");
        }

        List<Alert> trendAlerts = alertsWritten().stream()
                .filter(a -> a.kind().equals(Alert.TREND)).toList();

        assertThat(trendAlerts).singleElement().satisfies(alert -> {
            assertThat(alert.subscriptionId()).isEqualTo("fr");
            assertThat(alert.key()).isEqualTo("fr/actors/FR");
            assertThat(alert.storyId()).isEqualTo("actors/FR@2026-02-09T04:00:00Z");
            assertThat(alert.alertId()).isEqualTo(Alert.idOf("fr", "actors/FR@2026-02-09T04:00:00Z"));
            assertThat(alert.title()).isEqualTo("FR is trending: 3 announcements in 24 h against 0.0 a day");
            assertThat(alert.actors()).containsExactly("FR");
        });

        publish("quiet-day", DAY.plus(Duration.ofHours(30)), "DE");
        for (int i = 0; i < 5; i++) {
            publish("again-" + i, DAY.plus(Duration.ofHours(31)).plus(Duration.ofMinutes(i)), "FR");
        }

        assertThat(alertsWritten()).filteredOn(a -> a.kind().equals(Alert.TREND))
                .extracting(Alert::subscriptionId, Alert::storyId)
                .as("a new episode, after the first ended")
                .containsExactly(tuple("fr", "actors/FR@2026-02-10T08:00:00Z"));
    }

    @Test
    void aSubscriptionNamesTheActorsAndThemesOfItsShorthandAndItsRule() {
        Subscription s = new Subscription("s", null, List.of("FR"), List.of("AL", "RS"), List.of("regulation"),
                true, null, Map.of("any", List.of(Map.of("pair", List.of("FR", "TN")), Map.of("theme", "compute")),
                "none", List.of(Map.of("actor", "US"))), null, null, true);

        assertThat(TrendSubjects.of(SinkFixtures.RULES).apply(s)).containsExactlyInAnyOrder("actors/FR",
                "actors/AL", "actors/RS", "themes/regulation", "pairs/FR+TN", "themes/compute");
    }
}
