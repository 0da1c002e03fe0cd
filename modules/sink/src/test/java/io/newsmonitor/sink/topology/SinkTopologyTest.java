package io.newsmonitor.sink.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.AggregateCount;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Cooperation;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.ThemeScore;
import io.newsmonitor.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sink topology through a {@link TopologyTestDriver}: alerts per subscription and story, and aggregates. */
class SinkTopologyTest {

    private static final Instant DAY = Instant.parse("2026-02-10T00:00:00Z");

    private final Topics topics = new Topics("test", 1, (short) 1);
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Subscription> subscriptions;
    private final TestInputTopic<String, ClassifiedAnnouncement> classified;
    private final TestOutputTopic<String, Alert> alerts;

    SinkTopologyTest() throws Exception {
        driver = SinkFixture.driver(topics, DAY);
        subscriptions = SinkFixture.input(driver, topics.subscriptions());
        classified = SinkFixture.input(driver, topics.classified());
        alerts = SinkFixture.alerts(driver, topics);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    /** Writes an announcement as the processor would: keyed by its id, stamped when it was fetched. */
    private void publish(ClassifiedAnnouncement a) {
        classified.pipeInput(a.id(), a, a.fetchedAt());
    }

    private static ClassifiedAnnouncement announcement(String id, String storyId, Instant published, boolean ai,
                                                       List<String> countries) {
        List<ActorMention> actors = countries.stream().map(c -> new ActorMention(c, ActorType.COUNTRY, c, 1))
                .toList();
        Cooperation cooperation = ai ? new Cooperation(countries, List.of(countries), List.of("partenariat"))
                : Cooperation.NONE;
        return new ClassifiedAnnouncement(id, "src", "https://example.org/" + id, "Title " + id, "fr", published,
                published, published, "text", actors, countries, List.of(new ThemeScore("ai", 4.0)), ai, cooperation,
                storyId, List.of(), "v1");
    }

    @Test
    void anAnnouncementAlertsEverySubscriptionItMatchesAndNoOther() {
        subscriptions.pipeInput("fr-ai", new Subscription("fr-ai", "France AI cooperation", List.of("FR"), null,
                null, true, null));
        subscriptions.pipeInput("de", new Subscription("de", "Germany", List.of("DE"), null, null, false, null));
        subscriptions.pipeInput("any-ai", new Subscription("any-ai", "All AI cooperation", null, null,
                List.of("ai"), true, List.of("fr")));

        publish(announcement("a1", "a1", DAY, true, List.of("AL", "FR")));
        publish(announcement("a2", "a2", DAY, false, List.of("FR")));

        assertThat(alerts.readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactlyInAnyOrder("fr-ai/a1", "any-ai/a1");
    }

    @Test
    void aStoryReportedByManySourcesAlertsEachSubscriberOnce() {
        subscriptions.pipeInput("fr-ai", new Subscription("fr-ai", null, List.of("FR"), null, null, true, null));

        publish(announcement("first", "first", DAY, true, List.of("AL", "FR")));
        publish(announcement("rewrite", "first", DAY.plusSeconds(3600), true,
                List.of("AL", "FR")));

        List<KeyValue<String, Alert>> raised = alerts.readKeyValuesToList();
        assertThat(raised).extracting(kv -> kv.key).containsExactly("fr-ai/first");
        assertThat(raised.get(0).value.parties()).containsExactly("AL", "FR");
    }

    @Test
    void aDeletedSubscriptionAlertsNoMore() {
        subscriptions.pipeInput("fr-ai", new Subscription("fr-ai", null, List.of("FR"), null, null, true, null));
        subscriptions.pipeInput("fr-ai", (Subscription) null);

        publish(announcement("a1", "a1", DAY, true, List.of("AL", "FR")));

        assertThat(alerts.readKeyValuesToList()).isEmpty();
    }

    @Test
    void aggregatesCountPerKeyAndPublicationDayIncludingLateArrivals() {
        TestOutputTopic<String, AggregateCount> pairs = driver.createOutputTopic(
                topics.aggregate("pairs.daily").name(), topics.aggregate("pairs.daily").keySerde().deserializer(),
                topics.aggregate("pairs.daily").valueSerde().deserializer());

        publish(announcement("a1", "a1", DAY.plusSeconds(3600), true, List.of("AL", "FR")));
        publish(announcement("a2", "a2", DAY.plusSeconds(7200), true, List.of("AL", "FR")));
        publish(announcement("a3", "a3", DAY.plusSeconds(86_400 * 40), true, List.of("DE", "FR")));
        publish(announcement("late", "late", DAY.plusSeconds(60), true, List.of("AL", "FR")));
        driver.advanceWallClockTime(Duration.ofSeconds(60));

        Map<String, AggregateCount> latest = pairs.readKeyValuesToMap();
        assertThat(latest.get("AL+FR@2026-02-10T00:00:00Z").count()).isEqualTo(3);
        assertThat(latest.get("DE+FR@2026-03-22T00:00:00Z").count()).isEqualTo(1);
        assertThat(latest.get("AL+FR@2026-02-10T00:00:00Z").windowEnd()).isEqualTo("2026-02-11T00:00:00Z");
    }

    @Test
    void theMemoryOfAlertedStoriesAgesByPublicationTimeNotByTheWallClock() {
        subscriptions.pipeInput("fr", new Subscription("fr", null, List.of("FR"), null, null, false, null));
        publish(announcement("first", "story", DAY, false, List.of("FR")));
        driver.advanceWallClockTime(Duration.ofDays(30));

        publish(announcement("copy", "story", DAY.plusSeconds(3600), false, List.of("FR")));

        assertThat(alerts.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("fr/first");
    }

    @Test
    void anAnnouncementOlderThanTheAlertMemoryIsCountedButNotAlerted() {
        subscriptions.pipeInput("fr", new Subscription("fr", null, List.of("FR"), null, null, false, null));
        publish(announcement("recent", "recent", DAY.plus(Duration.ofDays(20)), false,
                List.of("FR")));

        publish(announcement("old", "old", DAY, false, List.of("FR")));

        assertThat(alerts.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("fr/recent");
    }

    @Test
    void anAlertIsStampedWithTheTimeItWasRaised() {
        subscriptions.pipeInput("fr", new Subscription("fr", null, List.of("FR"), null, null, false, null));

        publish(announcement("a1", "a1", DAY.minus(Duration.ofDays(10)), false, List.of("FR")));

        assertThat(alerts.readRecord().getRecordTime()).as("the driver's wall clock, not the publication time")
                .isEqualTo(DAY);
    }
}
