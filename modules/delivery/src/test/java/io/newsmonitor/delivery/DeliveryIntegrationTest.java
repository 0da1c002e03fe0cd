package io.newsmonitor.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.delivery.config.DeliveryConfig;
import io.newsmonitor.delivery.http.Signature;
import io.newsmonitor.delivery.http.WebhookClient;
import io.newsmonitor.delivery.runtime.DeliveryService;
import io.newsmonitor.json.Json;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.DeliveryState;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.Webhook;
import io.newsmonitor.net.Resolver;
import io.newsmonitor.runtime.Health;
import io.newsmonitor.runtime.RoleHandle;
import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import io.newsmonitor.testkit.FixtureServer.RecordedRequest;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhook delivery on a real broker, against an in-process webhook server: alerts written to the alerts topic reach
 * their webhooks signed, once each, through failures and a restart; what cannot be delivered goes to the undelivered
 * topic with its headers, without holding up the other subscriptions; the delivery state topic shows how it went.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DeliveryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET = "whsec_steady";

    private final FixtureServer server = FixtureServer.start();
    private final List<RecordedRequest> received = new ArrayList<>();
    /** Holds the stalled answer of the test's timeout until the test ends. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private static DeliveryConfig config(String prefix, Duration giveUpAfter) {
        return new DeliveryConfig(true, prefix + "-delivery", "newsmonitor-test/1", Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(400), giveUpAfter, 1000, 8,
                Duration.ofMillis(100));
    }

    private static RoleHandle start(DeliveryConfig config, KafkaConfig kafka, SimpleMeterRegistry registry) {
        Clock clock = Clock.systemUTC();
        DeliveryService service = new DeliveryService(config, kafka, new WebhookClient(config, Resolver.SYSTEM, clock),
                clock, () -> 0.5, registry);
        return Delivery.start(service, role -> { });
    }

    private static Subscription subscription(String id, Webhook webhook) {
        return new Subscription(id, id, List.of("FR"), null, null, false, null, null, webhook, null, null);
    }

    private static Alert alert(String subscriptionId, String announcementId) {
        Instant now = Instant.now();
        return new Alert(null, Alert.MATCH, subscriptionId, announcementId, "story-" + announcementId,
                "France and Morocco sign an AI partnership", "https://example.org/" + announcementId, "src", "en",
                now, now, List.of("FR", "MA"), List.of("ai"), true, List.of("FR", "MA"), List.of());
    }

    private static void write(KafkaConfig kafka, Alert alert) {
        KafkaTestClients.produce(kafka.bootstrapServers(), kafka.topics().alerts(), alert.key(), alert);
    }

    /** The requests the webhook server has received so far, in order of arrival. */
    private List<RecordedRequest> received(String path) throws InterruptedException {
        while (server.requestCount() > 0) {
            received.add(server.takeRequest());
        }
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Test
    void deliversEachAlertSignedThroughFailuresAndDeadLettersWhatCannotBeDelivered(KafkaBroker broker)
            throws Exception {
        String prefix = TestTopics.uniquePrefix("delivery");
        KafkaConfig kafka = new KafkaConfig(broker.bootstrapServers(), prefix, 2, (short) 1, Map.of());
        Topics topics = kafka.topics();
        KafkaTestClients.createTopics(broker.bootstrapServers(), topics);
        AtomicInteger steadyCalls = new AtomicInteger();
        server.handle("/steady", request -> switch (steadyCalls.incrementAndGet()) {
            case 1 -> FixtureResponse.status(503);
            case 2 -> stalled();
            default -> FixtureResponse.status(200);
        });
        server.enqueue("/gone", FixtureResponse.status(410));
        server.enqueue("/down", FixtureResponse.status(503));
        server.enqueue("/private", FixtureResponse.status(200));
        for (Subscription subscription : List.of(
                subscription("steady", new Webhook(server.url("/steady"), SECRET, true)),
                subscription("gone", new Webhook(server.url("/gone"), null, true)),
                subscription("down", new Webhook(server.url("/down"), "s", true)),
                subscription("private", new Webhook(server.url("/private"), "s", false)),
                subscription("quiet", null))) {
            KafkaTestClients.produce(broker.bootstrapServers(), topics.subscriptions(), subscription.id(),
                    subscription);
        }
        List<Alert> steady = List.of(alert("steady", "a1"), alert("steady", "a2"), alert("steady", "a3"));
        steady.forEach(alert -> write(kafka, alert));
        for (String subscription : List.of("gone", "down", "private", "quiet")) {
            write(kafka, alert(subscription, "a1"));
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        try (RoleHandle delivery = start(config(prefix, Duration.ofSeconds(8)), kafka, registry)) {
            await().atMost(WAIT).until(() -> received("/steady").size() == 5);

            assertThat(registry.find("newsmonitor.alerts.undelivered").tag("subscription", "down").counter())
                    .as("the failing webhook still holds its alert, and held up no other").isNull();
            List<RecordedRequest> requests = received("/steady");
            List<String> keys = requests.stream().map(r -> r.header(WebhookClient.IDEMPOTENCY_KEY)).toList();
            assertThat(keys).containsAll(steady.stream().map(Alert::alertId).toList());
            assertThat(keys.subList(0, 3)).as("one alert tried three times").containsOnly(keys.get(0));
            for (RecordedRequest request : requests) {
                String timestamp = request.header(Signature.TIMESTAMP_HEADER);
                assertThat(request.header(Signature.HEADER))
                        .isEqualTo(Signature.sign(SECRET, Long.parseLong(timestamp), request.body()));
                Alert sent = Json.mapper().readValue(request.body(), Alert.class);
                assertThat(sent.alertId()).isEqualTo(request.header(WebhookClient.IDEMPOTENCY_KEY));
                assertThat(steady).contains(sent);
            }

            List<ConsumerRecord<String, Alert>> undelivered = KafkaTestClients.consume(broker.bootstrapServers(),
                    topics.undeliveredAlerts(), 3, WAIT);
            assertThat(undelivered).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("gone/a1", "down/a1", "private/a1");
            assertThat(header(undelivered, "gone/a1", DeliveryService.HEADER_URL)).isEqualTo(server.url("/gone"));
            assertThat(header(undelivered, "gone/a1", DeliveryService.HEADER_ATTEMPTS)).isEqualTo("1");
            assertThat(header(undelivered, "gone/a1", DeliveryService.HEADER_ERROR))
                    .isEqualTo(server.url("/gone") + " answered 410");
            assertThat(Integer.parseInt(header(undelivered, "down/a1", DeliveryService.HEADER_ATTEMPTS)))
                    .isGreaterThanOrEqualTo(2);
            assertThat(header(undelivered, "down/a1", DeliveryService.HEADER_ERROR))
                    .isEqualTo(server.url("/down") + " answered 503");
            assertThat(header(undelivered, "private/a1", DeliveryService.HEADER_ERROR))
                    .startsWith("non-public address refused for " + server.url("/private"))
                    .endsWith("127.0.0.1 is loopback (127.0.0.0/8)");
            assertThat(undelivered).extracting(ConsumerRecord::value).extracting(Alert::subscriptionId)
                    .containsExactlyInAnyOrder("gone", "down", "private");
            assertThat(received("/private")).as("nothing is sent to a refused address").isEmpty();

            assertThat(latestState(kafka, "steady", s -> s.delivered() == 3 && s.backlog() == 0))
                    .satisfies(s -> {
                        assertThat(s.url()).isEqualTo(server.url("/steady"));
                        assertThat(s.failedAttempts()).isEqualTo(2);
                        assertThat(s.deadLettered()).isZero();
                        assertThat(s.lastSuccess()).isNotNull();
                        assertThat(s.lastError()).contains("gave no complete answer within 1000 ms");
                    });
            assertThat(latestState(kafka, "gone", s -> s.deadLettered() == 1 && s.backlog() == 0).lastError())
                    .isEqualTo(server.url("/gone") + " answered 410");
            assertThat(registry.get("newsmonitor.alerts.delivered").tag("subscription", "steady").counter().count())
                    .isEqualTo(3.0);
            assertThat(registry.get("newsmonitor.delivery.failures").tags("subscription", "steady", "reason",
                    "http_503").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("newsmonitor.delivery.failures").tags("subscription", "steady", "reason",
                    "timeout").counter().count()).isEqualTo(1.0);
            await().atMost(WAIT).until(() -> registry.find("newsmonitor.alerts.undelivered").counters().stream()
                    .mapToDouble(c -> c.count()).sum() == 3.0);
            assertThat(registry.get("newsmonitor.delivery.latency").timer().count()).isEqualTo(3);
            assertThat(registry.get("newsmonitor.delivery.backlog").tag("subscription", "steady").gauge().value())
                    .isZero();
            await().atMost(WAIT).until(() -> committed(kafka, prefix) == 7);
            assertThat(delivery.health()).isEqualTo(Health.ready("2 alerts partitions"));
        }
    }

    @Test
    void aRestartSendsAgainWhatWasNotDelivered(KafkaBroker broker) throws Exception {
        String prefix = TestTopics.uniquePrefix("delivery-restart");
        KafkaConfig kafka = new KafkaConfig(broker.bootstrapServers(), prefix, 2, (short) 1, Map.of());
        KafkaTestClients.createTopics(broker.bootstrapServers(), kafka.topics());
        AtomicBoolean up = new AtomicBoolean(false);
        server.handle("/flaky", request -> FixtureResponse.status(up.get() ? 200 : 503));
        KafkaTestClients.produce(broker.bootstrapServers(), kafka.topics().subscriptions(), "later",
                subscription("later", new Webhook(server.url("/flaky"), SECRET, true)));
        Alert alert = alert("later", "a1");
        write(kafka, alert);
        DeliveryConfig config = config(prefix, Duration.ofHours(1));

        SimpleMeterRegistry before = new SimpleMeterRegistry();
        try (RoleHandle delivery = start(config, kafka, before)) {
            await().atMost(WAIT).until(() -> received("/flaky").size() >= 2);
        }
        up.set(true);
        SimpleMeterRegistry after = new SimpleMeterRegistry();
        try (RoleHandle delivery = start(config, kafka, after)) {
            await().atMost(WAIT).until(() -> after.find("newsmonitor.alerts.delivered").counter() != null);
            await().atMost(WAIT).until(() -> committed(kafka, prefix) == 1);
        }

        assertThat(received("/flaky")).extracting(r -> r.header(WebhookClient.IDEMPOTENCY_KEY))
                .containsOnly(alert.alertId());
        assertThat(before.find("newsmonitor.alerts.delivered").counter()).isNull();
        assertThat(after.get("newsmonitor.alerts.delivered").counter().count()).isEqualTo(1.0);
    }

    private FixtureResponse stalled() {
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return FixtureResponse.status(200);
    }

    private static String header(List<ConsumerRecord<String, Alert>> records, String key, String name) {
        ConsumerRecord<String, Alert> record = records.stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow();
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }

    private static DeliveryState latestState(KafkaConfig kafka, String subscriptionId,
                                             Predicate<DeliveryState> wanted) {
        List<ConsumerRecord<String, DeliveryState>> states = KafkaTestClients.consume(kafka.bootstrapServers(),
                kafka.topics().deliveryState(), 1,
                r -> r.key().equals(subscriptionId) && wanted.test(r.value()), WAIT);
        assertThat(states).as("delivery state of " + subscriptionId).hasSize(1);
        return states.get(0).value();
    }

    /** The offsets the delivery group committed on the alerts topic, summed over its partitions. */
    private static long committed(KafkaConfig kafka, String prefix) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(prefix + "-delivery").partitionsToOffsetAndMetadata().get()
                    .values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        }
    }
}
