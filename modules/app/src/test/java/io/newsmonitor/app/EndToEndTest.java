package io.newsmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Pipeline;
import io.newsmonitor.json.Json;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on a real broker: a local server publishes an RSS feed; the poller publishes its item on the raw
 * topic, the processor classifies it, the sink raises an alert for a subscription; a plain consumer reads each, and
 * the process's monitoring endpoints report it.
 */
@ExtendWith(KafkaBrokerExtension.class)
class EndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Élysée</title><link>https://www.elysee.fr/</link>
            <description>Actualités</description>
            <item>
              <title>La France et l'Albanie présentent une feuille de route sur l'intelligence artificielle</title>
              <link>https://www.elysee.fr/actualites/feuille-de-route-ia-france-albanie?utm_source=rss</link>
              <guid isPermaLink="false">elysee-2026-02-10-ia</guid>
              <pubDate>Tue, 10 Feb 2026 09:00:00 +0100</pubDate>
              <description>Paris et Tirana adoptent une feuille de route commune sur l'intelligence artificielle
              avec l'entreprise Inetum. La coopération franco-albanaise en IA portera sur la formation des agents
              publics albanais à l'intelligence artificielle générative.</description>
            </item>
            </channel></rss>
            """;

    @Test
    void anRssItemBecomesAnAlertForTheMatchingSubscription(KafkaBroker broker, @TempDir Path temp) throws Exception {
        String prefix = TestTopics.uniquePrefix("e2e");
        try (FixtureServer server = FixtureServer.start()) {
            server.enqueue("/feed.xml", FixtureResponse.ok("application/rss+xml; charset=utf-8", FEED));
            AppConfig config = AppConfig.load(configDir(temp, prefix, server.url("/feed.xml")),
                    broker.bootstrapServers(), null);
            Topics topics = config.kafka().topics();

            Pipeline.prepare(config, true);
            try (Pipeline pipeline = Pipeline.start(config, EnumSet.allOf(Pipeline.Role.class))) {
                List<ConsumerRecord<String, Announcement>> raw =
                        KafkaTestClients.consume(broker.bootstrapServers(), topics.raw(), 1, WAIT);
                assertThat(raw).hasSize(1);
                Announcement announcement = raw.get(0).value();
                assertThat(announcement.sourceId()).isEqualTo("elysee-test");
                assertThat(announcement.url())
                        .isEqualTo("https://www.elysee.fr/actualites/feuille-de-route-ia-france-albanie");
                assertThat(announcement.publishedAt()).hasToString("2026-02-10T08:00:00Z");

                List<ConsumerRecord<String, ClassifiedAnnouncement>> classified =
                        KafkaTestClients.consume(broker.bootstrapServers(), topics.classified(), 1, WAIT);
                assertThat(classified).hasSize(1);
                ClassifiedAnnouncement c = classified.get(0).value();
                assertThat(c.id()).isEqualTo(announcement.id());
                assertThat(c.countries()).containsExactly("AL", "FR");
                assertThat(c.aiCooperation()).isTrue();
                assertThat(c.cooperation().parties()).contains("AL", "FR");
                assertThat(c.language()).isEqualTo("fr");

                List<ConsumerRecord<String, Alert>> alerts =
                        KafkaTestClients.consume(broker.bootstrapServers(), topics.alerts(), 1, WAIT);
                assertThat(alerts).hasSize(1);
                assertThat(alerts.get(0).key()).isEqualTo("france-ai-cooperation/" + announcement.id());
                assertThat(alerts.get(0).value().title()).startsWith("La France et l'Albanie");

                assertMonitoring(pipeline.monitoringPort());
            }
        }
    }

    /** The process's endpoints: ready, every role reported, and the path's meters named by source and subscription. */
    private static void assertMonitoring(int port) throws Exception {
        await().atMost(WAIT).until(() -> get(port, "/health/ready").statusCode() == 200);
        HttpResponse<String> health = get(port, "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode roles = Json.mapper().readTree(health.body()).get("roles");
        assertThat(roles.fieldNames()).toIterable().containsExactlyInAnyOrder("poller", "processor", "sink", "delivery");
        assertThat(roles.findValues("ready")).allSatisfy(ready -> assertThat(ready.asBoolean()).isTrue());

        HttpResponse<String> metrics = get(port, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("newsmonitor_poller_polls_seconds_count\\{outcome=\"ok\",source=\"elysee-test\"} \\d")
                .contains("newsmonitor_poller_announcements_published_total{source=\"elysee-test\"} 1.0")
                .contains("newsmonitor_alerts_total{subscription=\"france-ai-cooperation\"} 1.0")
                .contains("newsmonitor_alert_latency_seconds_count 1")
                .containsPattern("kafka_stream_thread_process_total\\{.*role=\"processor\"")
                .contains("jvm_memory_used_bytes");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path configDir(Path temp, String prefix, String feedUrl) {
        return TestApp.configDir(temp, prefix, """
                feeds:
                  - id: elysee-test
                    url: %s
                    type: rss
                    interval: 2s
                    minInterval: 1s
                    language: fr
                    allowPrivateNetwork: true
                """.formatted(feedUrl), """
                subscriptions:
                  - id: france-ai-cooperation
                    actors: [FR]
                    aiCooperation: true
                  - id: germany-only
                    actors: [DE]
                """);
    }
}
