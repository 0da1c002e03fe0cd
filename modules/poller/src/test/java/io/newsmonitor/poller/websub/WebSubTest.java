package io.newsmonitor.poller.websub;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.config.Settings;
import io.newsmonitor.json.Json;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.SourceType;
import io.newsmonitor.poller.config.PollerConfig;
import io.newsmonitor.poller.runtime.PollerService;
import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestTopics;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A feed advertising a WebSub hub: the poller subscribes, answers the hub's verification, publishes pushed items
 * with a valid signature at once, ignores a forged push, and renews its lease. The test plays the hub.
 */
@ExtendWith(KafkaBrokerExtension.class)
class WebSubTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String feed(String hub, String self, int items) {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">"
                + "<channel><title>Press</title><atom:link rel=\"hub\" href=\"" + hub + "\"/>"
                + "<atom:link rel=\"self\" href=\"" + self + "\"/>");
        for (int i = 1; i <= items; i++) {
            xml.append("<item><title>Pushed AI partnership ").append(i).append("</title><link>https://example.org/p/")
                    .append(i).append("</link></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    @Test
    void subscribesVerifiesPublishesSignedPushesAndRenews(KafkaBroker broker) throws Exception {
        String prefix = TestTopics.uniquePrefix("websub");
        KafkaConfig kafka = new KafkaConfig(broker.bootstrapServers(), prefix, 1, (short) 1, Map.of());
        KafkaTestClients.createTopics(kafka.bootstrapServers(), kafka.topics());
        BlockingQueue<Map<String, String>> subscriptions = new LinkedBlockingQueue<>();
        try (FixtureServer site = FixtureServer.start()) {
            String hub = site.url("/hub");
            String self = site.url("/feed.xml");
            site.enqueue("/feed.xml", FixtureResponse.ok("application/rss+xml", feed(hub, self, 1)));
            site.handle("/hub", request -> {
                subscriptions.add(WebSubSubscriber.decode(request.bodyText()));
                return FixtureResponse.status(202);
            });
            KafkaTestClients.produce(broker.bootstrapServers(), kafka.topics().feeds(), "press",
                    new FeedSource("press", null, self, SourceType.RSS, Duration.ofSeconds(1), Duration.ofSeconds(1),
                            Duration.ofSeconds(2), false, "en", List.of(), true, false, true, null));
            int port = freePort();
            PollerService poller = start(kafka, prefix, port);
            try {
                Map<String, String> request = subscriptions.poll(60, TimeUnit.SECONDS);
                assertThat(request).containsEntry("hub.mode", "subscribe").containsEntry("hub.topic", self);
                assertThat(request.get("hub.callback")).startsWith("http://127.0.0.1:" + port + "/websub/");
                assertThat(request.get("hub.secret")).hasSizeGreaterThanOrEqualTo(32);

                HttpResponse<String> verification = HTTP.send(HttpRequest.newBuilder(URI.create(
                        request.get("hub.callback") + "?hub.mode=subscribe&hub.topic=" + enc(self)
                                + "&hub.challenge=c4a11e&hub.lease_seconds=15")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(verification.statusCode()).isEqualTo(200);
                assertThat(verification.body()).isEqualTo("c4a11e");
                assertThat(KafkaTestClients.consume(broker.bootstrapServers(), kafka.topics().raw(), 1,
                        Duration.ofSeconds(30))).hasSize(1);

                byte[] forged = feed(hub, self, 3).getBytes(StandardCharsets.UTF_8);
                assertThat(push(request.get("hub.callback"), forged, "sha256=" + "00".repeat(32))).isEqualTo(202);
                byte[] pushed = feed(hub, self, 2).getBytes(StandardCharsets.UTF_8);
                long sent = System.nanoTime();
                assertThat(push(request.get("hub.callback"), pushed, sign(pushed, request.get("hub.secret"))))
                        .isEqualTo(202);
                List<ConsumerRecord<String, Announcement>> raw = KafkaTestClients.consume(broker.bootstrapServers(),
                        kafka.topics().raw(), 2, r -> true, Duration.ofSeconds(10));
                long latencyMs = (System.nanoTime() - sent) / 1_000_000;

                assertThat(raw).extracting(r -> r.value().title())
                        .containsExactly("Pushed AI partnership 1", "Pushed AI partnership 2");
                assertThat(latencyMs).as("pushed item on the raw topic (ms)").isLessThan(5_000);
                assertThat(KafkaTestClients.consume(broker.bootstrapServers(), kafka.topics().raw(), 3,
                        Duration.ofSeconds(3))).as("the forged push published nothing").hasSize(2);

                // The hub granted 15 s: the renewal is due when 20 % of it is left, about 12 s after the grant.
                Map<String, String> renewal = subscriptions.poll(30, TimeUnit.SECONDS);
                assertThat(renewal).as("lease renewed before it ends").containsEntry("hub.mode", "subscribe")
                        .containsEntry("hub.topic", self);
            } finally {
                poller.close();
            }
        }
    }

    private static PollerService start(KafkaConfig kafka, String prefix, int port) {
        ObjectNode yaml = Json.mapper().createObjectNode();
        ObjectNode poller = yaml.putObject("poller");
        poller.put("groupId", prefix + "-poller").put("hostGap", "0s").put("workers", 4);
        poller.putObject("websub").put("callbackUrl", "http://127.0.0.1:" + port + "/websub")
                .put("listen", "127.0.0.1:" + port).put("leaseSeconds", 100).put("safetyInterval", "1h");
        PollerService service = PollerService.create(PollerConfig.from(Settings.of("test", yaml,
                PollerConfig.SETTINGS)), kafka, new SimpleMeterRegistry());
        Thread thread = new Thread(service::run, "websub-test-poller");
        thread.start();
        return service;
    }

    private static int push(String callback, byte[] body, String signature) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(callback)).header("Content-Type", "application/rss+xml")
                .header("X-Hub-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String sign(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
