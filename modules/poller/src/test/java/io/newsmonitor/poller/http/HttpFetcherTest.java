package io.newsmonitor.poller.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.net.HttpTimes;
import io.newsmonitor.net.PrivateAccess;
import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the fetcher copes with servers, well-behaved and hostile, on an in-process HTTP server. */
class HttpFetcherTest {

    private static final String FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    private static final int CAP = 64 * 1024;

    private static final HttpSettings SETTINGS = new HttpSettings("newsmonitor-test/1.0", Duration.ofSeconds(2),
            Duration.ofSeconds(2), CAP, 3);

    private final FixtureServer server = FixtureServer.start();
    private final HttpFetcher fetcher = new HttpFetcher(SETTINGS);

    @AfterEach
    void close() {
        server.close();
    }

    /** A fetch for a source whose own host is the fixture server's, as a test source's is. */
    private FetchResult fetch(String path, String etag, String lastModified) throws FetchException {
        return fetcher.fetch("src", URI.create(server.url(path)), etag, lastModified,
                PrivateAccess.hostOf(server.url("/")));
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
    void aRetryAfterTooLongForAnIntIsHonouredAsTheLongestWaitInsteadOfFailingTheCall() {
        server.enqueue("/busy", FixtureResponse.status(503).withHeader("Retry-After", "99999999999999"));

        assertThatThrownBy(() -> fetch("/busy", null, null)).isInstanceOf(FetchException.class)
                .hasMessageContaining("HTTP 503")
                .satisfies(e -> assertThat(((FetchException) e).retryAfter())
                        .isEqualTo(Duration.ofSeconds(HttpTimes.MAX_SECONDS)));
    }

    @Test
    void aMissingFeedIsAFatalErrorNamingStatusAndUrl() {
        server.enqueue("/gone", FixtureResponse.status(404));

        assertThatThrownBy(() -> fetch("/gone", null, null)).hasMessage("server answered 404 (HTTP 404) at "
                + server.url("/gone"));
    }

    @Test
    void refusesAPublicSourceOnLoopbackOnItsFirstRequest() {
        server.enqueue("/feed", FixtureResponse.ok("application/rss+xml", FEED));

        assertThatThrownBy(() -> fetcher.fetch("public-src", URI.create(server.url("/feed")), null, null,
                PrivateAccess.NONE)).isInstanceOf(FetchException.class)
                .hasMessage("non-public address refused for source 'public-src' (allowPrivateNetwork is off): "
                        + "127.0.0.1 is loopback (127.0.0.0/8) at " + server.url("/feed"))
                .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FetchException.Kind.REFUSED));
        assertThat(server.requestCount()).as("nothing sent").isZero();
    }

    @Test
    void refusesATrustedSourceARedirectToAnotherPrivateHost() throws Exception {
        try (FixtureServer other = FixtureServer.start("127.0.0.2", 0)) {
            other.enqueue("/internal", FixtureResponse.ok("application/rss+xml", FEED));
            server.enqueue("/feed", FixtureResponse.redirect(302, other.url("/internal")));

            assertThatThrownBy(() -> fetch("/feed", null, null)).isInstanceOf(FetchException.class)
                    .hasMessage("non-public address refused for source 'src' (allowPrivateNetwork covers only "
                            + "127.0.0.1): 127.0.0.2 is loopback (127.0.0.0/8) at " + other.url("/internal"));
            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(other.requestCount()).as("nothing sent to the other host").isZero();
        }
    }

    @Test
    void refusesANameThatResolvesToAPrivateAddressWithoutConnecting() {
        AtomicInteger lookups = new AtomicInteger();
        HttpFetcher named = new HttpFetcher(SETTINGS, host -> {
            lookups.incrementAndGet();
            return List.of(InetAddress.getLoopbackAddress());
        });
        server.enqueue("/feed", FixtureResponse.ok("application/rss+xml", FEED));

        assertThatThrownBy(() -> named.fetch("src", URI.create("http://press.test:" + port() + "/feed"), null, null,
                PrivateAccess.NONE)).hasMessageContaining("press.test resolves to 127.0.0.1, loopback (127.0.0.0/8)");
        assertThat(lookups).hasValue(1);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void connectsATrustedNameToTheAddressItResolvedOnce() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        HttpFetcher named = new HttpFetcher(SETTINGS, host -> {
            lookups.incrementAndGet();
            if (!host.equals("press.test")) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getLoopbackAddress());
        });
        server.enqueue("/feed", FixtureResponse.ok("application/rss+xml", FEED));
        String url = "http://press.test:" + port() + "/feed";

        FetchResult result = named.fetch("src", URI.create(url), null, null, PrivateAccess.hostOf(url));

        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(lookups).hasValue(1);
        assertThat(server.takeRequest().header("Host")).isEqualTo("press.test:" + port());
    }

    @Test
    void refusesNumericHostsTheJdkWouldReadAsLoopback() {
        for (String host : List.of("2130706433", "127.1", "0177.0.0.1")) {
            assertThatThrownBy(() -> fetch("http://" + host + ":" + port() + "/feed")).as(host)
                    .hasMessageContaining(host + " is a numeric host that is not a dotted-quad IPv4 address");
        }
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void refusesNonHttpAddressesFirstOrAfterARedirect() {
        server.enqueue("/to-file", FixtureResponse.redirect(302, "file:///etc/passwd"));

        assertThatThrownBy(() -> fetch("file:///etc/passwd")).hasMessageStartingWith(
                "non-HTTP address refused: file:///etc/passwd");
        assertThatThrownBy(() -> fetch("/to-file", null, null)).hasMessageStartingWith(
                "redirect to a non-HTTP address refused: file:///etc/passwd");
    }

    /** A fetch of an absolute URL for a source whose own host is the fixture server's. */
    private FetchResult fetch(String url) throws FetchException {
        return fetcher.fetch("src", URI.create(url), null, null, PrivateAccess.hostOf(server.url("/")));
    }

    private int port() {
        return URI.create(server.url("/")).getPort();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
