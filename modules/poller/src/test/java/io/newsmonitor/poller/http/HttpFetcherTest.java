package io.newsmonitor.poller.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the fetcher copes with servers, well-behaved and hostile, on an in-process HTTP server. */
class HttpFetcherTest {

    private static final String FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    private static final int CAP = 64 * 1024;

    private final FixtureServer server = FixtureServer.start();
    private final HttpFetcher fetcher = new HttpFetcher(new HttpSettings("newsmonitor-test/1.0",
            Duration.ofSeconds(2), Duration.ofSeconds(2), CAP, 3));

    @AfterEach
    void close() {
        server.close();
    }

    private FetchResult fetch(String path, String etag, String lastModified) throws FetchException {
        return fetcher.fetch("src", URI.create(server.url(path)), etag, lastModified, false);
    }

    @Test
    void sendsConditionalHeadersAndReadsANotModifiedAnswer() throws Exception {
        server.enqueue("/feed", FixtureResponse.ok("application/rss+xml", FEED).withHeader("ETag", "\"v1\"")
                        .withHeader("Last-Modified", "Tue, 10 Feb 2026 09:00:00 GMT")
                        .withHeader("Cache-Control", "public, max-age=600"),
                FixtureResponse.status(304).withHeader("ETag", "\"v1\""));

        FetchResult first = fetch("/feed", null, null);
        FetchResult second = fetch("/feed", first.etag(), first.lastModified());

        assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(first.freshFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(second.notModified()).isTrue();
        assertThat(server.takeRequest().header("User-Agent")).isEqualTo("newsmonitor-test/1.0");
        FixtureServer.RecordedRequest conditional = server.takeRequest();
        assertThat(conditional.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.header("If-Modified-Since")).isEqualTo("Tue, 10 Feb 2026 09:00:00 GMT");
    }

    @Test
    void decompressesGzip() throws Exception {
        server.enqueue("/gz", FixtureResponse.ok("application/rss+xml", gzip(FEED.getBytes(StandardCharsets.UTF_8)))
                .withHeader("Content-Encoding", "gzip"));

        assertThat(new String(fetch("/gz", null, null).body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
    }

    @Test
    void refusesAGzipBombWithoutInflatingIt() throws Exception {
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
        server.enqueue("/bomb", FixtureResponse.ok("application/rss+xml", bomb).withHeader("Content-Encoding", "gzip"));

        assertThatThrownBy(() -> fetch("/bomb", null, null)).isInstanceOf(FetchException.class)
                .hasMessageContaining("decompressed body larger than " + CAP)
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.FATAL));
        assertThat(bomb.length).isLessThan(CAP);
    }

    @Test
    void cutsAnEndlessBodyOffAtTheCap() {
        server.enqueue("/endless", FixtureResponse.ok("application/rss+xml", "").withEndlessBody());

        assertThatThrownBy(() -> fetch("/endless", null, null)).isInstanceOf(FetchException.class)
                .hasMessageContaining("body larger than " + CAP);
    }

    @Test
    void givesUpOnAServerThatStallsAfterItsHeaders() {
        server.enqueue("/stall", FixtureResponse.ok("application/rss+xml", FEED)
                .withStallAfterHeaders(Duration.ofSeconds(10)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> fetch("/stall", null, null)).isInstanceOf(FetchException.class)
                .hasMessageContaining("no complete answer within 2 s")
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.RETRIABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void followsRedirectsItselfAndStopsALoop() throws Exception {
        server.enqueue("/old", FixtureResponse.redirect(301, "/new"));
        server.enqueue("/new", FixtureResponse.ok("application/rss+xml", FEED));
        server.enqueue("/a", FixtureResponse.redirect(302, "/b"));
        server.enqueue("/b", FixtureResponse.redirect(302, "/a"));

        assertThat(fetch("/old", null, null).url()).isEqualTo(URI.create(server.url("/new")));
        assertThatThrownBy(() -> fetch("/a", null, null)).hasMessageContaining("redirect loop");
    }

    @Test
    void followsNoMoreThanTheConfiguredRedirects() {
        for (int i = 0; i < 5; i++) {
            server.enqueue("/r" + i, FixtureResponse.redirect(302, "/r" + (i + 1)));
        }

        assertThatThrownBy(() -> fetch("/r0", null, null)).hasMessageContaining("more than 3 redirects");
    }

    @Test
    void honoursRetryAfterOnTooManyRequests() {
        server.enqueue("/busy", FixtureResponse.status(429).withHeader("Retry-After", "120"));

        assertThatThrownBy(() -> fetch("/busy", null, null)).isInstanceOf(FetchException.class)
                .hasMessageContaining("HTTP 429")
                .satisfies(e -> {
                    FetchException f = (FetchException) e;
                    assertThat(f.kind()).isEqualTo(FetchException.Kind.RETRIABLE);
                    assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                    assertThat(f.sourceId()).isEqualTo("src");
                });
    }

    @Test
    void aMissingFeedIsAFatalErrorNamingStatusAndUrl() {
        server.enqueue("/gone", FixtureResponse.status(404));

        assertThatThrownBy(() -> fetch("/gone", null, null)).hasMessage("server answered 404 (HTTP 404) at "
                + server.url("/gone"));
    }

    @Test
    void refusesRedirectsToPrivateAddressesUnlessTrusted() throws Exception {
        for (String target : new String[] {"http://127.0.0.1/x", "http://10.1.2.3/", "http://192.168.0.1/",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fd00::1]/"}) {
            assertThat(AddressPolicy.refusal(URI.create(target), false)).as(target)
                    .startsWith("redirect to private address");
        }
        assertThat(AddressPolicy.refusal(URI.create("file:///etc/passwd"), false)).contains("non-HTTP");
        assertThat(AddressPolicy.refusal(URI.create("http://93.184.216.34/feed"), false)).isNull();
        assertThat(AddressPolicy.refusal(URI.create("http://10.1.2.3/"), true)).isNull();
        assertThat(AddressPolicy.configuredAtPrivateAddress(URI.create(server.url("/")))).isTrue();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
