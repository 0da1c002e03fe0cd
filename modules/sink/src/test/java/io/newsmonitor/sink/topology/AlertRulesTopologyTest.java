package io.newsmonitor.sink.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Cooperation;
import io.newsmonitor.model.Evidence;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.MatchReason;
import io.newsmonitor.model.SourceType;
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

/**
 * Alerts from subscription rules through a {@link TopologyTestDriver}: reasons and alert ids, keywords on the text
 * the alert step keeps, source tags from the feeds topic, a rule that does not compile, and the
 * backfill of new subscriptions.
 */
class AlertRulesTopologyTest {

    /** The driver's wall clock at start; announcements are published before it. */
    private static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");

    private final Topics topics = new Topics("rules", 1, (short) 1);
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Subscription> subscriptions;
    private final TestInputTopic<String, FeedSource> feeds;
    private final TestInputTopic<String, ClassifiedAnnouncement> classified;
    private final TestOutputTopic<String, Alert> alerts;

    AlertRulesTopologyTest() throws Exception {
        driver = SinkFixture.driver(topics, NOW);
        subscriptions = SinkFixture.input(driver, topics.subscriptions());
        feeds = SinkFixture.input(driver, topics.feeds());
        classified = SinkFixture.input(driver, topics.classified());
        alerts = SinkFixture.alerts(driver, topics);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private void subscribe(String id, Map<String, Object> rule, Duration backfill) {
        subscriptions.pipeInput(id, new Subscription(id, null, null, null, null, null, null, rule, null, backfill,
                null));
    }

    /** Writes an announcement as the processor would: keyed by its id, stamped with its publication time. */
    private void publish(ClassifiedAnnouncement a) {
        classified.pipeInput(a.id(), a, a.publishedAt());
    }

    /** An AI cooperation between France and Tunisia, published {@code daysAgo} before {@link #NOW}. */
    private static ClassifiedAnnouncement franceTunisia(String id, String storyId, int daysAgo, String text) {
        Instant published = NOW.minus(Duration.ofDays(daysAgo));
        return new ClassifiedAnnouncement(id, "elysee-fr", "https://example.org/" + id, "Title " + id, "de",
                published, published, published, text,
                List.of(new ActorMention("FR", ActorType.COUNTRY, "France", 2),
                        new ActorMention("TN", ActorType.COUNTRY, "Tunisia", 1)),
                List.of("FR", "TN"), List.of(new ThemeScore("ai", 3.0)), true,
                new Cooperation(List.of("FR", "TN"), List.of(List.of("FR", "TN")), List.of("Partnerschaft")),
                storyId, List.of(new Evidence("theme", "ai", "KI", 0, 2), new Evidence("theme", "ai", "KI", 20, 22),
                        new Evidence("actor", "FR", "Frankreich", 30, 40)), "v1");
    }

    private List<String> alertKeys() {
        return alerts.readKeyValuesToList().stream().map(kv -> kv.key).toList();
    }

    @Test
    void anAlertCarriesItsReasonsAndTheIdOfItsSubscriptionAndStory() {
        subscribe("fr-maghreb", Map.of("pair", List.of("FR", Map.of("memberOf", "maghreb")),
                "theme", "ai"), null);

        publish(franceTunisia("a1", "story-1", 0, "KI-Partnerschaft zwischen Frankreich und Tunesien."));

        Alert alert = alerts.readValue();
        assertThat(alert.alertId()).isEqualTo(Alert.idOf("fr-maghreb", "story-1"));
        assertThat(alert.kind()).isEqualTo(Alert.MATCH);
        assertThat(alert.reasons()).containsExactlyInAnyOrder(
                new MatchReason("pair: FR with {memberOf: maghreb}", List.of("FR+TN")),
                new MatchReason("theme: ai", List.of("KI")));
    }

    @Test
    void keywordRulesReadTheTextTheAlertStepKeeps() {
        subscribe("ki-partnerschaft", Map.of("keyword", "KI-Partnerschaft"), null);

        publish(franceTunisia("a1", "a1", 0, "Neue KI-Partnerschaft zwischen Frankreich und Tunesien."));
        publish(franceTunisia("a2", "a2", 0, "Frankreich und Tunesien sprechen über KI."));

        List<KeyValue<String, Alert>> raised = alerts.readKeyValuesToList();
        assertThat(raised).extracting(kv -> kv.key).containsExactly("ki-partnerschaft/a1");
        assertThat(raised.get(0).value.reasons())
                .containsExactly(new MatchReason("keyword: KI-Partnerschaft", List.of("KI-Partnerschaft")));
    }

    @Test
    void aSourceTagRuleReadsTheTagsOfTheSourceOnTheFeedsTopic() {
        feeds.pipeInput("elysee-fr", new FeedSource("elysee-fr", null, "https://www.elysee.fr/feed", SourceType.RSS,
                Duration.ofMinutes(15), null, null, false, "fr", List.of("government", "fr"), true, false, false,
                null));
        subscribe("government", Map.of("sourceTag", "government"), null);
        subscribe("press", Map.of("sourceTag", "press"), null);

        publish(franceTunisia("a1", "a1", 0, "text"));

        assertThat(alertKeys()).containsExactly("government/a1");
    }

    @Test
    void aSubscriptionWhoseRuleDoesNotCompileIsSkippedAndTheOthersStillAlert() {
        subscribe("quantum", Map.of("theme", "quantum"), null);
        subscribe("france", Map.of("country", "FR"), null);

        publish(franceTunisia("a1", "a1", 0, "text"));
        publish(franceTunisia("a2", "a2", 0, "text"));

        assertThat(alertKeys()).containsExactly("france/a1", "france/a2");
    }

    @Test
    void aNewSubscriptionAskingForABackfillAlertsOnceOnWhatMatchedInThatPeriod() {
        publish(franceTunisia("old", "old", 10, "text"));
        publish(franceTunisia("recent", "recent", 3, "text"));
        publish(franceTunisia("recent-copy", "recent", 2, "text"));
        publish(franceTunisia("today", "today", 0, "text"));

        subscribe("fr-week", Map.of("country", "FR"), Duration.ofDays(7));
        driver.advanceWallClockTime(Duration.ofSeconds(5));

        List<KeyValue<String, Alert>> backfilled = alerts.readKeyValuesToList();
        assertThat(backfilled).extracting(kv -> kv.key).containsExactly("fr-week/recent", "fr-week/today");
        assertThat(backfilled.get(0).value.reasons()).containsExactly(new MatchReason("country: FR",
                List.of("FR")));

        driver.advanceWallClockTime(Duration.ofSeconds(5));
        publish(franceTunisia("today-copy", "today", 0, "text"));
        assertThat(alertKeys()).as("backfilled once; a later write-up of a backfilled story alerts no more")
                .isEmpty();
    }

    @Test
    void aChangedSubscriptionIsBackfilledAgainWithoutAlertingAStoryTwice() {
        publish(franceTunisia("recent", "recent", 3, "KI-Partnerschaft"));
        publish(franceTunisia("today", "today", 0, "text"));
        subscribe("fr", Map.of("country", "FR", "keyword", "KI-Partnerschaft"), Duration.ofDays(7));
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(alertKeys()).containsExactly("fr/recent");

        subscribe("fr", Map.of("country", "FR"), Duration.ofDays(7));
        driver.advanceWallClockTime(Duration.ofSeconds(5));

        assertThat(alertKeys()).containsExactly("fr/today");
    }

    @Test
    void aSubscriptionWithoutBackfillAlertsOnlyFromNowOn() {
        publish(franceTunisia("recent", "recent", 3, "text"));
        subscribe("fr", Map.of("country", "FR"), null);
        driver.advanceWallClockTime(Duration.ofSeconds(5));

        publish(franceTunisia("today", "today", 0, "text"));

        assertThat(alertKeys()).containsExactly("fr/today");
    }
}
