package io.newsmonitor.sink.topology;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.AggregateCount;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Cooperation;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.Trend;
import io.newsmonitor.model.ThemeScore;
import io.newsmonitor.runtime.Health;
import io.newsmonitor.sink.NotReadyException;
import io.newsmonitor.sink.Sink;
import io.newsmonitor.sink.SinkFixtures;
import io.newsmonitor.sink.SinkQueries;
import io.newsmonitor.sink.SinkRole;
import io.newsmonitor.sink.config.SinkConfig;
import io.newsmonitor.streams.StreamsRole;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.TestConfigDir;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink on a real broker, which enforces what {@code TopologyTestDriver} does not: an announcement dated hours
 * ahead (the broker refuses record timestamps more than an hour in the future) and poison subscription records
 * (a global table is not dead-lettered) must not stop the alerts; the dead letters and alerts show in the metrics.
 * And the sink as a process starts it: classified announcements become aggregates, a trend and its alert, and the
 * running instance answers queries from its stores.
 */
@ExtendWith(KafkaBrokerExtension.class)
class SinkIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aFutureDatedAnnouncementAndPoisonSubscriptionsStopNoAlert(KafkaBroker broker, @TempDir Path state)
            throws Exception {
        String prefix = TestTopics.uniquePrefix("sink");
        KafkaConfig kafka = new KafkaConfig(broker.bootstrapServers(), prefix, 2, (short) 1, Map.of());
        Topics topics = kafka.topics();
        KafkaTestClients.createTopics(broker.bootstrapServers(), topics);
        String bootstrap = broker.bootstrapServers();
        KafkaTestClients.produceBytes(bootstrap, topics.subscriptions().name(), "broken", "{nope".getBytes(UTF_8),
                null);
        KafkaTestClients.produceBytes(bootstrap, topics.subscriptions().name(), "blank",
                "{\"id\":\"blank\",\"actors\":[\" \"]}".getBytes(UTF_8), null);
        KafkaTestClients.produce(bootstrap, topics.subscriptions(), "fr",
                new Subscription("fr", "France", List.of("FR"), null, null, false, null));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (StreamsRole sink = SinkFixture.start(kafka, state, registry)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            KafkaTestClients.produceClassified(bootstrap, topics,
                    announcement("ahead", now.plus(Duration.ofHours(3)), now));
            KafkaTestClients.produceBytes(bootstrap, topics.classified().name(), "poison", "[1,2".getBytes(UTF_8),
                    null);
            KafkaTestClients.produceClassified(bootstrap, topics, announcement("after", now, now));

            List<ConsumerRecord<String, Alert>> alerts = KafkaTestClients.consume(bootstrap, topics.alerts(), 2, WAIT);
            assertThat(alerts).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("fr/ahead", "fr/after");
            assertThat(alerts).filteredOn(r -> r.key().equals("fr/ahead")).singleElement()
                    .satisfies(r -> assertThat(r.value().publishedAt()).isEqualTo(now.plus(Duration.ofHours(3))));
            assertThat(alerts).allSatisfy(r -> assertThat(r.timestamp())
                    .isLessThanOrEqualTo(Instant.now().toEpochMilli()));
            List<ConsumerRecord<String, AggregateCount>> counts = KafkaTestClients.consume(bootstrap,
                    topics.aggregate("actors.daily"), 1,
                    r -> r.value().key().equals("FR") && r.value().count() == 2, WAIT);
            assertThat(counts).as("FR counted twice: the future-dated announcement too").hasSize(1);
            assertThat(KafkaTestClients.consume(bootstrap, topics.deadLetter(), 1, WAIT)).hasSize(1);
            assertThat(KafkaTestClients.consumeCommitted(bootstrap, topics.deadLetter(), WAIT))
                    .extracting(r -> new String(r.key(), UTF_8)).containsExactly("poison");
            assertThat(sink.health()).isEqualTo(Health.ready("RUNNING"));
            assertThat(registry.get("newsmonitor.dead.letters")
                    .tags("role", "sink", "stage", "deserialization", "topic", topics.classified().name())
                    .counter().count()).isEqualTo(1.0);
            assertThat(registry.get("newsmonitor.alerts").tag("subscription", "fr").counter().count())
                    .isEqualTo(2.0);
            assertThat(registry.get("newsmonitor.alert.latency").timer().count()).isEqualTo(2);

            for (int i = 0; i < 30; i++) {
                KafkaTestClients.produceClassified(bootstrap, topics, announcement("burst-" + i, now, now));
            }
            assertThat(KafkaTestClients.consume(bootstrap, topics.aggregate("actors.daily"), 1,
                    r -> r.value().key().equals("FR") && r.value().count() == 32, WAIT))
                    .as("a burst of one key counted exactly, however its counts were flushed").hasSize(1);
        }
    }

    @Test
    void classifiedAnnouncementsBecomeAggregatesATrendAndAnswersOfTheRunningInstance(KafkaBroker broker,
                                                                                   @TempDir Path state) {
        String prefix = TestTopics.uniquePrefix("sink-queries");
        KafkaConfig kafka = new KafkaConfig(broker.bootstrapServers(), prefix, 2, (short) 1, Map.of());
        Topics topics = kafka.topics();
        String bootstrap = broker.bootstrapServers();
        KafkaTestClients.createTopics(bootstrap, topics);
        KafkaTestClients.produce(bootstrap, topics.subscriptions(), "fr", new Subscription("fr", "France",
                List.of("FR"), null, null, null, null, null, null, null, true));
        SinkConfig config = SinkFixtures.config(sink -> sink.put("applicationId", prefix + "-sink")
                .put("stateDir", state.toString()).putObject("http").put("advertised", "127.0.0.1:18080"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        try (SinkRole sink = Sink.start(TestConfigDir.projectConfig(), config, kafka, new SimpleMeterRegistry(),
                role -> { })) {
            for (int hour = 3; hour >= 1; hour--) {
                KafkaTestClients.produceClassified(bootstrap, topics,
                        announcement("a" + hour, now.minus(Duration.ofHours(hour)), now));
            }

            assertThat(KafkaTestClients.consume(bootstrap, topics.trends(), 2, WAIT))
                    .as("FR and its theme, three times in 24 h and never before")
                    .extracting(ConsumerRecord::key, r -> r.value().count(), r -> r.value().trending())
                    .containsExactlyInAnyOrder(tuple("actors/FR", 3L, true), tuple("themes/ai", 3L, true));
            assertThat(KafkaTestClients.consume(bootstrap, topics.aggregate("countries.hourly"), 3, WAIT))
                    .extracting(r -> r.value().key() + "=" + r.value().count())
                    .containsExactlyInAnyOrder("FR=1", "FR=1", "FR=1");
            assertThat(KafkaTestClients.consume(bootstrap, topics.alerts(), 4, WAIT)).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("fr/a1", "fr/a2", "fr/a3", "fr/actors/FR");

            SinkQueries queries = sink.queries();
            await().atMost(WAIT).ignoreException(NotReadyException.class).untilAsserted(() -> {
                assertThat(queries.announcements(new SinkQueries.AnnouncementFilter("FR", null, null, null, null,
                        10))).extracting(ClassifiedAnnouncement::id).containsExactly("a1", "a2", "a3");
                assertThat(queries.alerts("fr", null, 10)).extracting(Alert::kind)
                        .containsExactlyInAnyOrder(Alert.TREND, Alert.MATCH, Alert.MATCH, Alert.MATCH);
                assertThat(queries.aggregate("actors.daily", "FR", null, null).stream()
                        .mapToLong(AggregateCount::count).sum()).isEqualTo(3);
                assertThat(queries.trends()).extracting(Trend::recordKey).containsExactly("actors/FR", "themes/ai");
            });
            assertThat(queries.subscriptions()).extracting(Subscription::id).containsExactly("fr");
            assertThat(queries.peers()).as("this instance is alone; itself is no peer").isEmpty();
        }
    }

    private static ClassifiedAnnouncement announcement(String id, Instant published, Instant fetched) {
        return new ClassifiedAnnouncement(id, "src", "https://example.org/" + id, "Title " + id, "fr", published,
                fetched, fetched, "text", List.of(new ActorMention("FR", ActorType.COUNTRY, "France", 1)),
                List.of("FR"), List.of(new ThemeScore("ai", 4.0)), false, Cooperation.NONE, id, List.of(), "v1");
    }
}
