package io.newsmonitor.sink.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Cooperation;
import io.newsmonitor.model.MatchReason;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.ThemeScore;
import io.newsmonitor.sink.alerts.AlertProcessor;
import io.newsmonitor.streams.StreamsRole;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backfill of a new subscription on a real broker: the subscription arrives through the topic (its rule and
 * backfill read back from JSON) after the announcements, and alerts once on the stories of its period.
 */
@ExtendWith(KafkaBrokerExtension.class)
class BackfillIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aSubscriptionAddedLaterAlertsOnTheStoriesOfItsBackfillPeriodOnce(KafkaBroker broker, @TempDir Path state)
            throws Exception {
        String prefix = TestTopics.uniquePrefix("backfill");
        KafkaConfig kafka = new KafkaConfig(broker.bootstrapServers(), prefix, 2, (short) 1, Map.of());
        Topics topics = kafka.topics();
        String bootstrap = broker.bootstrapServers();
        KafkaTestClients.createTopics(bootstrap, topics);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KafkaTestClients.produce(bootstrap, topics.subscriptions(), "everything",
                new Subscription("everything", null, null, null, null, false, null));

        try (StreamsRole sink = SinkFixture.start(kafka, state, registry)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (String[] a : new String[][] {{"old", "20"}, {"recent", "3"}, {"recent-copy", "2"}, {"today", "0"}}) {
                KafkaTestClients.produceClassified(bootstrap, topics, announcement(a[0], a[0].replace("-copy", ""),
                        now.minus(Duration.ofDays(Long.parseLong(a[1])))));
            }
            assertThat(KafkaTestClients.consume(bootstrap, topics.alerts(), 3, WAIT))
                    .as("the announcements are in the sink before the subscription").hasSize(3);

            KafkaTestClients.produce(bootstrap, topics.subscriptions(), "fr-week", new Subscription("fr-week",
                    "France, last week too", null, null, null, null, null, Map.of("country", "FR"), null,
                    Duration.ofDays(7), null));

            // each task remembers a backfilled subscription in the transaction of its alerts: once both partitions'
            // memories are committed, so is every alert of the backfill
            Topic<String, String> memory = new Topic<>(SinkFixture.applicationId(kafka) + "-"
                    + AlertProcessor.BACKFILLED + "-changelog", Serdes.String(), Serdes.String(), kafka.partitions(),
                    (short) 1, true, null);
            assertThat(KafkaTestClients.consume(bootstrap, memory, kafka.partitions(),
                    r -> r.key().equals("fr-week"), WAIT)).as("every task has backfilled").hasSize(kafka.partitions());
            List<ConsumerRecord<String, Alert>> backfilled = KafkaTestClients.consumeCommitted(bootstrap,
                    topics.alerts(), WAIT).stream().filter(r -> r.value().subscriptionId().equals("fr-week")).toList();
            assertThat(backfilled).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("fr-week/recent", "fr-week/today");
            assertThat(backfilled).allSatisfy(r -> assertThat(r.value().reasons())
                    .containsExactly(new MatchReason("country: FR", List.of("FR"))));
            assertThat(registry.get("newsmonitor.alerts").tag("subscription", "fr-week").counter().count())
                    .isEqualTo(2.0);
        }
    }

    private static ClassifiedAnnouncement announcement(String id, String storyId, Instant published) {
        return new ClassifiedAnnouncement(id, "src", "https://example.org/" + id, "Title " + id, "fr", published,
                published, published, "text", List.of(new ActorMention("FR", ActorType.COUNTRY, "France", 1)),
                List.of("FR"), List.of(new ThemeScore("ai", 4.0)), false, Cooperation.NONE, storyId, List.of(),
                "v1");
    }
}
