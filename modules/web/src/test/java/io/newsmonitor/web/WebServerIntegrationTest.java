package io.newsmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.json.Json;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.DeliveryState;
import io.newsmonitor.model.MatchReason;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.Webhook;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.Topics;
import io.newsmonitor.web.config.WebConfig;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server on a real broker: subscription changes land on the compacted topic (and refused ones nowhere), changes
 * need the token, live events follow the alerts and classified topics, delivery state is read from its topic, and
 * every answer carries the security headers.
 */
@ExtendWith(KafkaBrokerExtension.class)
class WebServerIntegrationTest {

    private static final String TOKEN = "test-token-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final HeldQueries QUERIES = new HeldQueries();

    private static String bootstrap;
    private static Topics topics;
    private static WebServer server;

    @BeforeAll
    static void start(KafkaBroker broker) {
        bootstrap = broker.bootstrapServers();
        KafkaConfig kafka = new KafkaConfig(bootstrap, TestTopics.uniquePrefix("web"), 2, (short) 1, Map.of());
        topics = kafka.topics();
        KafkaTestClients.createTopics(bootstrap, topics);
        SubscriptionValidator validator = s -> s.themes().contains("nonsense")
                ? List.of("themes[0]: unknown theme 'nonsense'") : List.of();
        SubscriptionPreview preview = (s, period, limit) -> new SubscriptionPreview.Result(List.of(), 0);
        server = WebServer.start(new WebConfig(true, "127.0.0.1", 0, TOKEN), kafka, QUERIES, validator, preview,
                new SimpleMeterRegistry(), Duration.ofMillis(200));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A read with the token, as the dashboard sends it once the user gave it. */
    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN));
    }

    private static HttpResponse<String> getWithoutToken(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    private static HttpRequest.Builder put(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    @Test
    void aSavedSubscriptionIsOnTheCompactedTopicAndADeletedOneATombstone() throws Exception {
        HttpResponse<String> saved = send(put("/api/subscriptions/fr-maghreb", """
                {"name": "France & the Maghreb", "anyActors": ["TN", "MA", "DZ"], "actors": ["FR"],
                 "backfill": "7d", "webhook": {"url": "https://hooks.example.org/x", "secret": "k3y"}}""")
                .header("Authorization", "Bearer " + TOKEN));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved).path("webhook").has("secret")).as("the secret is never shown").isFalse();
        assertThat(json(saved).path("webhook").path("hasSecret").asBoolean()).isTrue();
        List<ConsumerRecord<String, Subscription>> written = KafkaTestClients.consume(bootstrap,
                topics.subscriptions(), 1, r -> r.key().equals("fr-maghreb"), WAIT);
        assertThat(written).singleElement().satisfies(r -> {
            assertThat(r.value().anyActors()).containsExactly("TN", "MA", "DZ");
            assertThat(r.value().backfill()).isEqualTo(Duration.ofDays(7));
            assertThat(r.value().webhook()).isEqualTo(new Webhook("https://hooks.example.org/x", "k3y", false));
        });

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri("/api/subscriptions/fr-maghreb")).DELETE()
                .header("Authorization", "Bearer " + TOKEN));

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(KafkaTestClients.consume(bootstrap, topics.subscriptions(), 2,
                r -> r.key().equals("fr-maghreb"), WAIT)).extracting(ConsumerRecord::value).last().isNull();
    }

    @Test
    void anEditWithoutASecretKeepsTheStoredOne() throws Exception {
        QUERIES.subscriptions.add(new Subscription("kept", "Kept", List.of("DE"), null, null, null, null, null,
                new Webhook("https://hooks.example.org/k", "stored-secret", false), null, null));

        HttpResponse<String> saved = send(put("/api/subscriptions/kept", """
                {"name": "Kept, renamed", "actors": ["DE"], "webhook": {"url": "https://hooks.example.org/k"}}""")
                .header("Authorization", "Bearer " + TOKEN));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(KafkaTestClients.consume(bootstrap, topics.subscriptions(), 1, r -> r.key().equals("kept"), WAIT))
                .singleElement().satisfies(r -> assertThat(r.value().webhook().secret()).isEqualTo("stored-secret"));
    }

    @Test
    void aRefusedSubscriptionNamesItsFieldAndWritesNothing() throws Exception {
        HttpResponse<String> badBackfill = send(put("/api/subscriptions/bad-1", "{\"backfill\": \"a week\"}")
                .header("Authorization", "Bearer " + TOKEN));
        HttpResponse<String> badRule = send(put("/api/subscriptions/bad-2", "{\"themes\": [\"nonsense\"]}")
                .header("Authorization", "Bearer " + TOKEN));
        HttpResponse<String> otherId = send(put("/api/subscriptions/bad-3", "{\"id\": \"other\"}")
                .header("Authorization", "Bearer " + TOKEN));
        HttpResponse<String> badWebhook = send(put("/api/subscriptions/bad-4", "{\"webhook\": {\"url\": \"ftp://x\"}}")
                .header("Authorization", "Bearer " + TOKEN));
        send(put("/api/subscriptions/good", "{\"themes\": [\"research\"]}").header("Authorization", "Bearer " + TOKEN));

        assertThat(List.of(badBackfill, badRule, otherId, badWebhook)).extracting(HttpResponse::statusCode)
                .containsOnly(400);
        assertThat(json(badBackfill).path("parameter").asText()).isEqualTo("backfill");
        assertThat(json(badRule).path("parameter").asText()).isEqualTo("themes[0]");
        assertThat(json(badRule).path("problems").get(0).asText()).isEqualTo("themes[0]: unknown theme 'nonsense'");
        assertThat(json(otherId).path("parameter").asText()).isEqualTo("id");
        assertThat(json(badWebhook).path("parameter").asText()).isEqualTo("webhook.url");
        List<ConsumerRecord<String, Subscription>> written = KafkaTestClients.consume(bootstrap,
                topics.subscriptions(), 1, r -> r.key().equals("good"), WAIT);
        assertThat(written).hasSize(1);
        assertThat(KafkaTestClients.consume(bootstrap, topics.subscriptions(), 100, WAIT.dividedBy(10)))
                .extracting(ConsumerRecord::key).noneMatch(key -> key.startsWith("bad-"));
    }

    @Test
    void changesNeedTheTokenAJsonBodyAndThisServersPages() throws Exception {
        String body = "{\"actors\": [\"FR\"]}";
        HttpResponse<String> none = send(put("/api/subscriptions/x", body));
        HttpResponse<String> wrong = send(put("/api/subscriptions/x", body)
                .header("Authorization", "Bearer not-the-token-at-all"));
        HttpResponse<String> otherSite = send(put("/api/subscriptions/x", body)
                .header("Authorization", "Bearer " + TOKEN).header("Origin", "https://evil.example"));
        HttpResponse<String> text = send(HttpRequest.newBuilder(uri("/api/subscriptions/x"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> deleteWithout = send(HttpRequest.newBuilder(uri("/api/subscriptions/x")).DELETE());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(json(none).path("parameter").asText()).isEqualTo("Authorization");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(json(otherSite).path("parameter").asText()).isEqualTo("Origin");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(deleteWithout.statusCode()).isEqualTo(401);
        assertThat(getWithoutToken("/api/trends").statusCode()).as("reading needs no token").isEqualTo(200);
        assertThat(getWithoutToken("/api/subscriptions").statusCode()).as("webhook addresses need the token")
                .isEqualTo(401);
        assertThat(getWithoutToken("/api/delivery").statusCode()).as("webhook addresses need the token")
                .isEqualTo(401);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() throws Exception {
        assertThat(json(get("/api/alerts?limit=0")).path("parameter").asText()).isEqualTo("limit");
        assertThat(json(get("/api/announcements?since=yesterday")).path("parameter").asText()).isEqualTo("since");
        assertThat(json(get("/api/announcements?aiCooperation=maybe")).path("parameter").asText())
                .isEqualTo("aiCooperation");
        HttpResponse<String> aggregate = get("/api/aggregates/planets.daily");
        assertThat(aggregate.statusCode()).isEqualTo(400);
        assertThat(json(aggregate).path("parameter").asText()).isEqualTo("name");
        assertThat(json(get("/api/aggregates/actors.daily?from=2025-03-02&to=2025-03-01")).path("parameter")
                .asText()).isEqualTo("from");
        HttpResponse<String> unknown = get("/api/subscriptions/nobody");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("parameter").asText()).isEqualTo("id");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/dashboard.js", "/api/trends", "/api/alerts?limit=0",
                "/webjars/echarts/5.3.1/dist/echarts.min.js")) {
            HttpResponse<String> response = get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .contains(Guard.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
        }
        assertThat(Guard.CONTENT_SECURITY_POLICY).contains("script-src 'self';").doesNotContain("unsafe");
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/dashboard.js\" defer></script>")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]");
        assertThat(get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    @Timeout(60)
    void liveEventsCarryNewAlertsAndAnnouncements() throws Exception {
        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(uri("/events"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ClassifiedAnnouncement announcement = Fixtures.announcement("live-1", "Live <b>one</b>", now);
        Alert alert = Fixtures.alert("fr", announcement, now);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(nextEvent(lines)).containsEntry("comment", "connected");
            KafkaTestClients.produceClassified(bootstrap, topics, announcement);
            KafkaTestClients.produce(bootstrap, topics.alerts(), alert.key(), alert);

            List<Map<String, String>> events = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (events.size() < 2 && System.nanoTime() < deadline) {
                Map<String, String> event = nextEvent(lines);
                if (event.containsKey("event")) {
                    events.add(event);
                }
            }
            assertThat(events).hasSize(2);
            assertThat(events.get(0)).containsEntry("event", "announcement").containsEntry("id", "live-1");
            assertThat(events.get(0).get("data")).contains("\"title\":\"Live <b>one</b>\"", "\"evidence\":[]");
            assertThat(events.get(1)).containsEntry("event", "alert").containsEntry("id", alert.alertId());
            Alert received = Json.mapper().readValue(events.get(1).get("data"), Alert.class);
            assertThat(received.reasons()).containsExactly(new MatchReason("pair: FR + TN",
                    List.of("France", "Tunisie")), new MatchReason("theme: research", List.of("recherche")));
        }
    }

    /** The fields of the next event of a stream (up to its blank line), or the next comment line alone. */
    private static Map<String, String> nextEvent(BufferedReader lines) throws Exception {
        Map<String, String> fields = new HashMap<>();
        for (String line = lines.readLine(); line != null && !line.isEmpty(); line = lines.readLine()) {
            int colon = line.indexOf(':');
            if (colon == 0 && fields.isEmpty()) {
                return Map.of("comment", line.substring(1).trim());
            }
            fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return fields;
    }

    @Test
    void deliveryStateIsReadFromItsCompactedTopic() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DeliveryState state = new DeliveryState("fr", "https://hooks.example.org/x", 3, 1, 0, 2, now,
                "HTTP 503 from hooks.example.org", now, now);
        KafkaTestClients.produce(bootstrap, topics.deliveryState(), "fr", state);

        await().atMost(WAIT).untilAsserted(() -> assertThat(json(get("/api/delivery")).path("items"))
                .singleElement().satisfies(item -> assertThat(Json.mapper().treeToValue(item, DeliveryState.class))
                        .isEqualTo(state)));
    }

    @Test
    void theAtomFeedOfASubscriptionHoldsItsAlerts() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        QUERIES.subscriptions.add(new Subscription("atom", "Atom", List.of("FR"), null, null, false, null));
        Alert alert = Fixtures.alert("atom", Fixtures.announcement("atom-1", "Paris <script>x</script>", now), now);
        QUERIES.alerts.add(alert);

        HttpResponse<String> feed = get("/subscriptions/atom.atom");

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).contains(AtomFeed.CONTENT_TYPE);
        assertThat(feed.body()).contains("<id>urn:newsmonitor:alert:" + alert.alertId() + "</id>",
                "Paris &lt;script&gt;x&lt;/script&gt;");
        assertThat(get("/subscriptions/nobody.atom").statusCode()).isEqualTo(404);
        assertThat(get("/subscriptions/atom.rss").statusCode()).isEqualTo(404);
    }
}
