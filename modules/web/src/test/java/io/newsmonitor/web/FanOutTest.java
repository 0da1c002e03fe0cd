package io.newsmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.json.Json;
import io.newsmonitor.model.Alert;
import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import io.newsmonitor.testkit.FixtureServer.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request answered by every sink instance: this one's items and its peers', merged. */
class FanOutTest {

    private static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");
    private final FanOut fanOut = new FanOut(Duration.ofMillis(500), Duration.ofMillis(800));

    private static Alert alertAt(String id, int minutes) {
        return Fixtures.alert("fr", Fixtures.announcement(id, "Title " + id, T0), T0.plusSeconds(60L * minutes));
    }

    private static FixtureResponse listing(Alert... alerts) throws Exception {
        return FixtureResponse.ok("application/json",
                Json.mapper().writeValueAsString(Listing.of(List.of(alerts))));
    }

    private static String hostPort(FixtureServer server) {
        URI uri = URI.create(server.url("/"));
        return uri.getHost() + ":" + uri.getPort();
    }

    @Test
    void thePeersItemsAreMergedNewestFirstEachOnceAndLimited() throws Exception {
        try (FixtureServer peer = FixtureServer.start()) {
            peer.enqueue("/api/alerts", listing(alertAt("b", 3), alertAt("a", 1), alertAt("d", 5)));

            Listing<Alert> merged = fanOut.gather(List.of(alertAt("c", 4), alertAt("a", 1)), List.of(hostPort(peer)),
                    "/api/alerts", Map.of("subscription", List.of("fr"), "limit", List.of("3")), Api.ALERTS, 3);

            assertThat(merged.items()).extracting(Alert::announcementId).containsExactly("d", "c", "b");
            assertThat(merged.partial()).isFalse();
            RecordedRequest request = peer.takeRequest();
            assertThat(request.path()).startsWith("/api/alerts?")
                    .contains("subscription=fr", "limit=3", "scope=local");
        }
    }

    @Test
    void aPeerWhoseAnswerNeverEndsIsCutOffAtTheTimeout() throws Exception {
        try (FixtureServer endless = FixtureServer.start()) {
            endless.enqueue("/api/alerts", listing(alertAt("e", 1)).withEndlessBody());

            Listing<Alert> merged = fanOut.gather(List.of(alertAt("l", 1)), List.of(hostPort(endless)),
                    "/api/alerts", Map.of(), Api.ALERTS, 50);

            assertThat(merged.unreachable()).containsExactly(hostPort(endless) + ": no answer within 800 ms");
            await().atMost(Duration.ofSeconds(10)).until(() -> endless.abandonedCount() == 1);
        }
    }

    @Test
    void aPeerThatFailsOrIsTooSlowMakesThePartialAnswerSaySo() throws Exception {
        try (FixtureServer failing = FixtureServer.start(); FixtureServer slow = FixtureServer.start();
             FixtureServer good = FixtureServer.start()) {
            failing.enqueue("/api/alerts", FixtureResponse.status(500));
            slow.enqueue("/api/alerts", listing(alertAt("s", 9)).withStallAfterHeaders(Duration.ofSeconds(5)));
            good.enqueue("/api/alerts", listing(alertAt("g", 2)));

            Listing<Alert> merged = fanOut.gather(List.of(alertAt("l", 1)),
                    List.of(hostPort(failing), hostPort(slow), hostPort(good)), "/api/alerts",
                    Map.of("scope", List.of("all")), Api.ALERTS, 50);

            assertThat(merged.items()).extracting(Alert::announcementId).containsExactly("g", "l");
            assertThat(merged.partial()).isTrue();
            assertThat(merged.unreachable()).hasSize(2);
            assertThat(merged.unreachable().get(0)).isEqualTo(hostPort(failing) + ": HTTP 500");
            assertThat(merged.unreachable().get(1)).isEqualTo(hostPort(slow) + ": no answer within 800 ms");
        }
    }

    @Test
    void anUnreachablePeerMakesThePartialAnswerSaySo() {
        Listing<Alert> merged = fanOut.gather(List.of(alertAt("l", 1)), List.of("127.0.0.1:1"), "/api/alerts",
                Map.of(), Api.ALERTS, 50);

        assertThat(merged.items()).extracting(Alert::announcementId).containsExactly("l");
        assertThat(merged.unreachable()).singleElement().asString().startsWith("127.0.0.1:1: ");
    }

    @Test
    void theScopeOfThePeersRequestIsLocalWhateverTheCallerAsked() {
        assertThat(FanOut.localQuery(Map.of("scope", List.of("all"))))
                .isEqualTo("scope=local");
        assertThat(FanOut.localQuery(Map.of("q", List.of("AI partnership & co"))))
                .isEqualTo("q=AI+partnership+%26+co&scope=local");
    }
}
