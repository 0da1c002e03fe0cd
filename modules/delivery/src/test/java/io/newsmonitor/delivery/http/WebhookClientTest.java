package io.newsmonitor.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.delivery.config.DeliveryConfig;
import io.newsmonitor.model.Webhook;
import io.newsmonitor.net.HttpTimes;
import io.newsmonitor.net.Resolver;
import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One POST against an in-process server with queued answers: the request as sent, and each answer's outcome. */
class WebhookClientTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final byte[] BODY = "{\"alertId\":\"a1\"}".getBytes(StandardCharsets.UTF_8);
    private static final DeliveryConfig CONFIG = new DeliveryConfig(true, "g", "newsmonitor-test/1",
            Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofSeconds(10), 100, 4, Duration.ZERO);
    /** Every name is the fixture server's loopback address. */
    private static final Resolver LOOPBACK = host -> List.of(InetAddress.getLoopbackAddress());

    private final FixtureServer server = FixtureServer.start();
    private final WebhookClient client = new WebhookClient(CONFIG, LOOPBACK, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private Webhook local(String path, String secret) {
        return new Webhook(server.url(path), secret, true);
    }

    private Outcome post(Webhook webhook) throws Exception {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        client.post(webhook, "a1", BODY, outcome::complete);
        return outcome.get(10, TimeUnit.SECONDS);
    }

    @Test
    void postsTheAlertSignedWithItsIdempotencyKey() throws Exception {
        server.enqueue("/hook", FixtureResponse.status(204));

        Outcome outcome = post(local("/hook", "whsec_test"));

        assertThat(outcome).isEqualTo(Outcome.delivered());
        FixtureServer.RecordedRequest request = server.takeRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).isEqualTo(BODY);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Idempotency-Key")).isEqualTo("a1");
        assertThat(request.header("User-Agent")).isEqualTo("newsmonitor-test/1");
        assertThat(request.header("X-Newsmonitor-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(request.header("X-Newsmonitor-Signature"))
                .isEqualTo(Signature.sign("whsec_test", NOW.getEpochSecond(), BODY));
    }

    @Test
    void sendsNoSignatureWithoutASecret() throws Exception {
        server.enqueue("/hook", FixtureResponse.status(200));

        post(local("/hook", null));

        FixtureServer.RecordedRequest request = server.takeRequest();
        assertThat(request.header("X-Newsmonitor-Signature")).isNull();
        assertThat(request.header("X-Newsmonitor-Timestamp")).isNotNull();
    }

    @Test
    void classifiesTheAnswers() throws Exception {
        server.enqueue("/gone", FixtureResponse.status(410));
        server.enqueue("/busy", FixtureResponse.status(503).withHeader("Retry-After", "120"));
        server.enqueue("/slow-down", FixtureResponse.status(429));
        server.enqueue("/moved", FixtureResponse.redirect(301, "/elsewhere"));

        assertThat(post(local("/gone", "s"))).isEqualTo(Outcome.permanent("http_410",
                server.url("/gone") + " answered 410"));
        assertThat(post(local("/busy", "s"))).isEqualTo(Outcome.retry("http_503",
                server.url("/busy") + " answered 503", Duration.ofSeconds(120)));
        assertThat(post(local("/slow-down", "s")).kind()).isEqualTo(Outcome.Kind.RETRY);
        assertThat(post(local("/moved", "s"))).isEqualTo(Outcome.permanent("http_301",
                server.url("/moved") + " answered 301 (redirects are not followed)"));
        assertThat(server.takeRequest().path()).isEqualTo("/gone");
        server.takeRequest();
        server.takeRequest();
        assertThat(server.takeRequest().path()).as("the redirect was not followed").isEqualTo("/moved");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aRetryAfterTooLongForAnIntIsHonouredAsTheLongestWait() throws Exception {
        server.enqueue("/busy", FixtureResponse.status(503).withHeader("Retry-After", "99999999999999"));

        assertThat(post(local("/busy", "s"))).isEqualTo(Outcome.retry("http_503",
                server.url("/busy") + " answered 503", Duration.ofSeconds(HttpTimes.MAX_SECONDS)));
    }

    @Test
    void aWebhookThatDoesNotAnswerInTimeIsRetried() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.handle("/stalls", request -> {
            awaitQuietly(release);
            return FixtureResponse.status(200);
        });
        try {
            Outcome outcome = post(local("/stalls", "s"));

            assertThat(outcome).isEqualTo(Outcome.retry("timeout",
                    server.url("/stalls") + " gave no complete answer within 500 ms", null));
        } finally {
            release.countDown();
        }
    }

    @Test
    void aClosedPortIsRetried() throws Exception {
        String url = server.url("/hook");
        server.close();

        Outcome outcome = post(new Webhook(url, "", true));

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.RETRY);
        assertThat(outcome.reason()).isEqualTo("connection");
    }

    @Test
    void refusesAPrivateAddressUnlessTheWebhookAllowsIt() throws Exception {
        server.enqueue("/hook", FixtureResponse.status(200));
        String byName = "http://hooks.test:" + server.url("/").split(":")[2].replace("/", "") + "/hook";

        Outcome literal = post(new Webhook(server.url("/hook"), "s", false));
        Outcome named = post(new Webhook(byName, "s", null));
        Outcome allowed = post(new Webhook(byName, "s", true));

        assertThat(literal).isEqualTo(Outcome.permanent("address_refused", "non-public address refused for "
                + server.url("/hook") + " (allowPrivateNetwork is off): 127.0.0.1 is loopback (127.0.0.0/8)"));
        assertThat(named.reason()).isEqualTo("address_refused");
        assertThat(named.error()).endsWith("hooks.test resolves to 127.0.0.1, loopback (127.0.0.0/8)");
        assertThat(allowed).isEqualTo(Outcome.delivered());
        assertThat(server.takeRequest().header("Host")).startsWith("hooks.test");
        assertThat(server.requestCount()).as("nothing was sent to a refused address").isZero();
    }

    @Test
    void showsAddressesWithoutUserInfoQueryOrTheirLaterPathSegments() {
        assertThat(WebhookClient.displayAddress("https://user:pw@hooks.example.org/in/abc?token=secret#x"))
                .isEqualTo("https://hooks.example.org/in/…");
        assertThat(WebhookClient.displayAddress("https://hooks.slack.com/services/T0/B0/s3cr3t"))
                .isEqualTo("https://hooks.slack.com/services/…");
        assertThat(WebhookClient.displayAddress("https://hooks.example.org:8443/in"))
                .isEqualTo("https://hooks.example.org:8443/in");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
