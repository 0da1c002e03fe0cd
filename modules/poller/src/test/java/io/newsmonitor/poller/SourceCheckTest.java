package io.newsmonitor.poller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmonitor.config.Settings;
import io.newsmonitor.json.Json;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.HtmlSelectors;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.model.SourceType;
import io.newsmonitor.poller.config.PollerConfig;
import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code feeds check} through the facade: one fetch of a source, and what a first poll would publish. */
class SourceCheckTest {

    private final FixtureServer server = FixtureServer.start();
    private final SourceCheck check = SourceCheck.create(PollerConfig.from(Settings.of("test",
            hostGapZero(), PollerConfig.SETTINGS)));

    @AfterEach
    void close() {
        server.close();
    }

    private static ObjectNode hostGapZero() {
        ObjectNode yaml = Json.mapper().createObjectNode();
        yaml.putObject("poller").put("hostGap", "0s");
        return yaml;
    }

    private FeedSource source(String id, String path, SourceType type, HtmlSelectors html) {
        return new FeedSource(id, id, server.url(path), type, Duration.ofMinutes(5), null, null, false, "en",
                List.of(), true, false, true, html);
    }

    @Test
    void aWorkingFeedGivesItsItemsOldestFirst() throws Exception {
        server.enqueue("/robots.txt", FixtureResponse.status(404));
        server.enqueue("/feed.xml", FixtureResponse.ok("application/rss+xml", "<rss version=\"2.0\"><channel>"
                + "<title>t</title><item><title>Second</title><link>https://example.org/2</link></item>"
                + "<item><title>First</title><link>https://example.org/1</link></item></channel></rss>"));

        CheckResult result = check.check(source("feed", "/feed.xml", SourceType.RSS, null));

        assertThat(result.works()).isTrue();
        assertThat(result.status()).isEqualTo(PollerState.Status.OK);
        assertThat(result.error()).isNull();
        assertThat(result.selectors()).isNull();
        assertThat(result.announcements()).extracting(Announcement::title).containsExactly("First", "Second");
    }

    @Test
    void anHtmlSourceSaysWhatEachSelectorFound() throws Exception {
        server.enqueue("/robots.txt", FixtureResponse.status(404));
        server.enqueue("/press", FixtureResponse.ok("text/html", "<html><body>"
                + "<div class=n><a href=\"/a/1\">One</a><time datetime=\"2026-05-06\">6 May</time></div>"
                + "<div class=n><a href=\"/a/2\">Two</a></div></body></html>"));
        HtmlSelectors selectors = new HtmlSelectors("div.n", null, "a", "time", null, null);

        CheckResult result = check.check(source("press", "/press", SourceType.HTML, selectors));

        assertThat(result.works()).isTrue();
        assertThat(result.selectors()).isEqualTo(new CheckResult.Selectors(2, 2, 2, 1, 1, 0));
    }

    @Test
    void aFailingSourceSaysWhy() throws Exception {
        server.enqueue("/robots.txt", FixtureResponse.status(404));
        server.enqueue("/gone", FixtureResponse.status(404));

        CheckResult result = check.check(source("gone", "/gone", SourceType.RSS, null));

        assertThat(result.works()).isFalse();
        assertThat(result.error()).isEqualTo("server answered 404 (HTTP 404) at " + server.url("/gone"));
        assertThat(result.announcements()).isEmpty();
    }
}
