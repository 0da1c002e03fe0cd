package io.newsmonitor.poller.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.net.PrivateAccess;
import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fetch chain: its steps in order, each able to refuse, then the guarded fetch. */
class FetchChainTest {

    private final FixtureServer server = FixtureServer.start();
    private final HttpFetcher fetcher = new HttpFetcher(new HttpSettings("newsmonitor-test/1.0",
            Duration.ofSeconds(2), Duration.ofSeconds(5), 65536, 3));

    @AfterEach
    void close() {
        server.close();
    }

    private SourceRequest request(String path) {
        return new SourceRequest("s", URI.create(server.url(path)), null, null, PrivateAccess.hostOf(server.url("/")));
    }

    @Test
    void stepsRunInOrderBeforeTheFetch() throws Exception {
        server.enqueue("/page", FixtureResponse.ok("text/plain", "body"));
        List<String> seen = new ArrayList<>();
        FetchChain chain = FetchChain.of(fetcher, (request, next) -> {
            seen.add("first");
            return next.proceed(request);
        }, (request, next) -> {
            seen.add("second");
            FetchResult result = next.proceed(request);
            seen.add("fetched " + new String(result.body()));
            return result;
        });

        chain.proceed(request("/page"));

        assertThat(seen).containsExactly("first", "second", "fetched body");
    }

    @Test
    void aPageRobotsTxtForbidsIsNotFetched() {
        server.enqueue("/robots.txt", FixtureResponse.ok("text/plain", "User-agent: *\nDisallow: /no\n"));
        FetchChain chain = FetchChain.standard(fetcher, new HostGate(Duration.ZERO), true, Clock.systemUTC());

        assertThatThrownBy(() -> chain.proceed(request("/no/feed.xml"))).isInstanceOfSatisfying(FetchException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.FATAL);
                    assertThat(e.getMessage()).isEqualTo("disallowed by the site's robots.txt: "
                            + server.url("/no/feed.xml"));
                });
        assertThat(server.requestCount()).as("only robots.txt was asked").isEqualTo(1);
    }

    @Test
    void withoutRobotsTheChainFetchesAtOnce() throws Exception {
        server.enqueue("/feed.xml", FixtureResponse.ok("application/rss+xml", "<rss/>"));
        FetchChain chain = FetchChain.standard(fetcher, new HostGate(Duration.ZERO), false, Clock.systemUTC());

        FetchResult result = chain.proceed(request("/feed.xml"));

        assertThat(result.contentType()).startsWith("application/rss+xml");
        assertThat(server.takeRequest().path()).isEqualTo("/feed.xml");
    }
}
