package io.newsmonitor.poller.websub;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.poller.http.HttpFetcher;
import io.newsmonitor.poller.http.HttpSettings;
import io.newsmonitor.net.PrivateAccess;
import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Subscription requests go through the poller's fetcher: its User-Agent, and the source's access only. */
class WebSubSubscriberTest {

    private final FixtureServer hub = FixtureServer.start();
    private final WebSubSubscriber subscriber = new WebSubSubscriber(
            new WebSubSettings(URI.create("http://127.0.0.1:1/websub"), "127.0.0.1", 0, 100, Duration.ofHours(1)),
            new HttpFetcher(new HttpSettings("newsmonitor-test/1.0", Duration.ofSeconds(2), Duration.ofSeconds(2),
                    65536, 3)),
            push -> { }, Clock.systemUTC());

    @AfterEach
    void close() {
        subscriber.close();
        hub.close();
    }

    @Test
    void aHubOnAPrivateAddressIsRefused() {
        hub.enqueue("/hub", FixtureResponse.status(202));
        URI hubUrl = URI.create(hub.url("/hub"));

        subscriber.subscribe("public-src", hubUrl, "https://press.example.org/feed.xml", PrivateAccess.NONE);
        subscriber.subscribe("intranet", hubUrl, "http://intranet.test/feed.xml",
                PrivateAccess.hostOf("http://intranet.test/feed.xml"));

        assertThat(hub.requestCount()).as("a hub elsewhere than the source's own host gets nothing").isZero();
        assertThat(subscriber.isActive("public-src")).isFalse();
    }

    @Test
    void aHubOnTheSourcesOwnHostIsAskedWithThePollersUserAgent() throws Exception {
        hub.enqueue("/hub", FixtureResponse.status(202));
        String feed = hub.url("/feed.xml");

        subscriber.subscribe("local", URI.create(hub.url("/hub")), feed, PrivateAccess.hostOf(feed));

        FixtureServer.RecordedRequest request = hub.takeRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("User-Agent")).isEqualTo("newsmonitor-test/1.0");
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(WebSubSubscriber.decode(request.bodyText())).containsEntry("hub.mode", "subscribe")
                .containsEntry("hub.topic", feed);
    }
}
