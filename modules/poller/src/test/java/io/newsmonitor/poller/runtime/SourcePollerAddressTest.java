package io.newsmonitor.poller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.model.SourceType;
import io.newsmonitor.poller.http.FetchChain;
import io.newsmonitor.poller.http.HostGate;
import io.newsmonitor.poller.http.HttpFetcher;
import io.newsmonitor.poller.http.HttpSettings;
import io.newsmonitor.poller.normalise.AnnouncementFactory;
import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a source may reach, polled as the poller polls it (robots.txt first): a source is trusted only by its own
 * configuration, and only on its own host.
 */
class SourcePollerAddressTest {

    private final FixtureServer server = FixtureServer.start();
    private final HttpFetcher fetcher = new HttpFetcher(new HttpSettings("newsmonitor-test/1.0",
            Duration.ofSeconds(2), Duration.ofSeconds(5), 1024 * 1024, 3));
    private final SourcePoller poller = new SourcePoller(
            FetchChain.standard(fetcher, new HostGate(Duration.ZERO), true, Clock.systemUTC()),
            new AnnouncementFactory(Duration.ofDays(1), 100_000), new Schedule(new Random(1)), 100, Clock.systemUTC());

    @AfterEach
    void close() {
        server.close();
    }

    private static FeedSource source(String id, String url, boolean fullText, boolean allowPrivateNetwork) {
        return new FeedSource(id, id, url, SourceType.RSS, Duration.ofMinutes(5), null, null, false, "en", List.of(),
                true, fullText, allowPrivateNetwork, null);
    }

    @Test
    void aPublicSourceOnLoopbackIsRefusedOnItsFirstRequest() throws Exception {
        server.enqueue("/feed.xml", FixtureResponse.ok("application/rss+xml", rss("https://example.org/n/1")));

        PollOutcome outcome = poller.poll(source("public-src", server.url("/feed.xml"), false, false),
                PollerState.initial("public-src"));

        assertThat(outcome.announcements()).isEmpty();
        assertThat(outcome.state().status()).isEqualTo(PollerState.Status.FAILING);
        assertThat(outcome.state().lastError()).contains("source 'public-src'")
                .contains("127.0.0.1 is loopback (127.0.0.0/8)");
        assertThat(server.requestCount()).as("not even robots.txt was asked").isZero();
    }

    @Test
    void anArticleLinkToAnotherPrivateHostIsNotFetchedAndTheItemKeepsTheFeedsText() throws Exception {
        try (FixtureServer internal = FixtureServer.start("127.0.0.2", 0)) {
            internal.handle("/secret", request -> FixtureResponse.ok("text/html",
                    "<html><body><article>internal secret</article></body></html>"));
            server.enqueue("/robots.txt", FixtureResponse.status(404));
            server.enqueue("/articles/1", FixtureResponse.ok("text/html",
                    "<html><body><article>The whole text of the first article.</article></body></html>"));
            server.enqueue("/feed.xml", FixtureResponse.ok("application/rss+xml",
                    rss(server.url("/articles/1"), internal.url("/secret"))));

            PollOutcome outcome = poller.poll(source("intranet", server.url("/feed.xml"), true, true),
                    PollerState.initial("intranet"));

            assertThat(outcome.state().status()).isEqualTo(PollerState.Status.OK);
            assertThat(outcome.announcements()).extracting(Announcement::url)
                    .containsExactlyInAnyOrder(server.url("/articles/1"), internal.url("/secret"));
            Announcement own = byUrl(outcome, server.url("/articles/1"));
            Announcement elsewhere = byUrl(outcome, internal.url("/secret"));
            assertThat(own.content()).as("same host: fetched").isEqualTo("The whole text of the first article.");
            assertThat(elsewhere.content()).as("other private host: the feed's text").isEqualTo("Feed text 2");
            assertThat(elsewhere.summary()).isEqualTo("Summary 2");
            assertThat(internal.requestCount()).as("nothing sent to the other host").isZero();
        }
    }

    private static Announcement byUrl(PollOutcome outcome, String url) {
        return outcome.announcements().stream().filter(a -> url.equals(a.url())).findFirst().orElseThrow();
    }

    private static String rss(String... links) {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/"
                + "content/\"><channel><title>t</title>");
        for (int i = 0; i < links.length; i++) {
            xml.append("<item><title>AI cooperation ").append(i + 1).append("</title><link>").append(links[i])
                    .append("</link><description>Summary ").append(i + 1).append("</description>")
                    .append("<content:encoded>Feed text ").append(i + 1).append("</content:encoded></item>");
        }
        return xml.append("</channel></rss>").toString();
    }
}
