package io.newsmonitor.poller.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.net.PrivateAccess;
import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** robots.txt as RFC 9309 reads it, and the policy asking it once per site. */
class RobotsRulesTest {

    private static final String ROBOTS = """
            # press room
            User-agent: *
            Disallow: /private/
            Allow: /private/press/
            Disallow: /*.pdf$

            User-agent: newsmonitor
            User-agent: other-bot
            Disallow: /drafts
            """;

    @Test
    void theGroupNamingTheAgentWinsOverTheStarGroup() {
        RobotsRules mine = RobotsRules.parse(ROBOTS, "newsmonitor");

        assertThat(mine.allows("/drafts/1")).isFalse();
        assertThat(mine.allows("/private/x")).as("star rules do not apply to a named agent").isTrue();
    }

    @Test
    void theLongestMatchWinsAndWildcardsWork() {
        RobotsRules star = RobotsRules.parse(ROBOTS, "somebot");

        assertThat(star.allows("/private/x")).isFalse();
        assertThat(star.allows("/private/press/feed.xml")).isTrue();
        assertThat(star.allows("/docs/report.pdf")).isFalse();
        assertThat(star.allows("/docs/report.pdf?x=1")).isTrue();
        assertThat(star.allows("/")).isTrue();
    }

    @Test
    void anEmptyDisallowAllowsEverything() {
        assertThat(RobotsRules.parse("User-agent: *\nDisallow:\n", "newsmonitor").allows("/anything")).isTrue();
    }

    @Test
    void thePolicyAsksEachSiteOnceAndTreatsAMissingFileAsAllowAll() throws Exception {
        try (FixtureServer server = FixtureServer.start()) {
            server.enqueue("/robots.txt", FixtureResponse.ok("text/plain", "User-agent: newsmonitor\nDisallow: /no\n"));
            HttpFetcher fetcher = new HttpFetcher(new HttpSettings("newsmonitor/test", Duration.ofSeconds(2),
                    Duration.ofSeconds(2), 65536, 3));
            RobotsPolicy policy = new RobotsPolicy(FetchChain.of(fetcher, new HostGate(Duration.ZERO)), "newsmonitor",
                    Clock.systemUTC());

            PrivateAccess access = PrivateAccess.hostOf(server.url("/"));
            assertThat(policy.allows("s", URI.create(server.url("/feed.xml")), access)).isTrue();
            assertThat(policy.allows("s", URI.create(server.url("/no/feed.xml")), access)).isFalse();
            assertThat(server.takeRequest().path()).isEqualTo("/robots.txt");
            assertThat(server.requestCount()).as("asked once").isZero();
        }
        try (FixtureServer missing = FixtureServer.start()) {
            RobotsPolicy policy = new RobotsPolicy(FetchChain.of(new HttpFetcher(new HttpSettings("t",
                    Duration.ofSeconds(2), Duration.ofSeconds(2), 65536, 3))), "newsmonitor", Clock.systemUTC());

            assertThat(policy.allows("s", URI.create(missing.url("/feed.xml")), PrivateAccess.hostOf(missing.url("/"))))
                    .isTrue();
        }
    }
}
