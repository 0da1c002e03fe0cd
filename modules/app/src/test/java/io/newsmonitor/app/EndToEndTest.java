package io.newsmonitor.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
import io.newsmonitor.testkit.FixtureServer.RecordedRequest;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on a real broker: a local server publishes an RSS feed; the poller publishes its item on the raw
 * topic, the processor classifies it, the sink raises an alert for a subscription and counts it; a plain consumer
 * reads each; the alert reaches the subscription's webhook (after a failed first attempt), its Atom feed and the API;
 * and the process's monitoring endpoints report it.
 */
@ExtendWith(KafkaBrokerExtension.class)
class EndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HOOK = "/hook";
    private static final String SECRET = "e2e-webhook-secret";

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
            server.enqueue(HOOK, FixtureResponse.status(503), FixtureResponse.ok("text/plain", "thanks"));
            AppConfig config = AppConfig.load(configDir(temp, prefix, server.url("/feed.xml"), server.url(HOOK)),
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
                Alert alert = alerts.get(0).value();
                assertThat(alert.title()).startsWith("La France et l'Albanie");
                assertThat(alert.reasons()).isNotEmpty();

                assertThat(KafkaTestClients.consume(broker.bootstrapServers(), topics.aggregate("pairs.daily"), 1,
                        r -> r.value().key().equals("AL+FR"), WAIT))
                        .extracting(r -> r.value().count(), r -> r.value().samples())
                        .containsExactly(tuple(1L, List.of(announcement.id())));
                assertWebhookDelivery(server, alert);
                assertUserEnd(pipeline.webPort(), alert);
                assertMonitoring(pipeline.monitoringPort());
            }
        }
    }

    /** The webhook answered 503 first: the alert came again, the same, signed, with its idempotency key. */
    private static void assertWebhookDelivery(FixtureServer server, Alert alert) throws Exception {
        RecordedRequest refused = nextHookRequest(server);
        RecordedRequest delivered = nextHookRequest(server);
        assertThat(List.of(refused, delivered)).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("Idempotency-Key")).isEqualTo(alert.alertId());
            assertThat(request.header("X-Newsmonitor-Signature"))
                    .isEqualTo("sha256=" + hmac(request.header("X-Newsmonitor-Timestamp") + "." + request.bodyText()));
            assertThat(Json.mapper().readValue(request.body(), Alert.class)).isEqualTo(alert);
        });
    }

    private static RecordedRequest nextHookRequest(FixtureServer server) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            RecordedRequest request = server.takeRequest();
            if (request != null && request.path().equals(HOOK)) {
                return request;
            }
        }
        throw new AssertionError("no webhook request within " + WAIT);
    }

    private static String hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** What a user reads: the subscription's Atom feed and the alerts API name the alert. */
    private static void assertUserEnd(int port, Alert alert) throws Exception {
        String feed = "/subscriptions/france-ai-cooperation.atom";
        await().atMost(WAIT).untilAsserted(() -> assertThat(get(port, feed).body())
                .contains("urn:newsmonitor:alert:" + alert.alertId(), "feuille de route"));
        HttpResponse<String> api = get(port, "/api/alerts?subscription=france-ai-cooperation");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Security-Policy")).isPresent();
        JsonNode items = readTree(api.body()).get("items");
        assertThat(items).extracting(item -> item.get("alertId").asText()).containsExactly(alert.alertId());
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process's endpoints: ready, every role reported, and the path's meters named by source and subscription. */
    private static void assertMonitoring(int port) throws Exception {
        await().atMost(WAIT).until(() -> get(port, "/health/ready").statusCode() == 200);
        HttpResponse<String> health = get(port, "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode roles = Json.mapper().readTree(health.body()).get("roles");
        assertThat(roles.fieldNames()).toIterable().as("the roles and the sink role's HTTP server")
                .containsExactlyInAnyOrder("poller", "processor", "sink", "delivery", "web");
        assertThat(roles.findValues("ready")).allSatisfy(ready -> assertThat(ready.asBoolean()).isTrue());

        HttpResponse<String> metrics = get(port, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("newsmonitor_poller_polls_seconds_count\\{outcome=\"ok\",source=\"elysee-test\"} \\d")
                .contains("newsmonitor_poller_announcements_published_total{source=\"elysee-test\"} 1.0")
                .contains("newsmonitor_alerts_total{subscription=\"france-ai-cooperation\"} 1.0")
                .contains("newsmonitor_alert_latency_seconds_count 1")
                .contains("newsmonitor_alerts_delivered_total{subscription=\"france-ai-cooperation\"} 1.0")
                .containsPattern("kafka_stream_thread_process_total\\{.*role=\"processor\"")
                .contains("jvm_memory_used_bytes");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path configDir(Path temp, String prefix, String feedUrl, String hookUrl) throws IOException {
        Path dir = TestApp.configDir(temp, prefix, """
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
                    webhook: {url: "%s", secret: %s, allowPrivateNetwork: true}
                  - id: germany-only
                    actors: [DE]
                """.formatted(hookUrl, SECRET));
        Files.writeString(dir.resolve("newsmonitor.yaml"), """
                delivery:
                  initialBackoff: 200ms
                  maxBackoff: 1s
                """, StandardOpenOption.APPEND);
        return dir;
    }
}
