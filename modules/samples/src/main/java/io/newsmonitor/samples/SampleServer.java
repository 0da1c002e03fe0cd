package io.newsmonitor.samples;

import static io.newsmonitor.samples.FeedDocuments.escape;
import static io.newsmonitor.samples.FeedDocuments.paragraphs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.HtmlSelectors;
import io.newsmonitor.model.SourceType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local HTTP server publishing the sample corpus as RSS 2.0 and Atom feeds and as press-room pages (listing and
 * article pages), one source per corpus source and format, gradually: one more announcement every {@code step}, in
 * publication order. Each source gets its own loopback address (127.0.0.2, 127.0.0.3, ...), so that per-host
 * politeness does not serialise the demo. Feeds answer conditional requests ({@code ETag}) with 304 when nothing
 * changed.
 */
public final class SampleServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SampleServer.class);
    private static final int FEED_SIZE = 20;

    /** One demo source: a corpus source in one format, at its own address. */
    private record Source(String id, String corpusSource, String format, String host, List<SampleAnnouncement> items) {
    }

    private final List<HttpServer> servers = new ArrayList<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final List<SampleAnnouncement> order;
    private final Instant start;
    private final Duration step;
    private final int releasedAtStart;
    private final int port;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "sample-server");
        t.setDaemon(true);
        return t;
    });

    private SampleServer(List<SampleAnnouncement> order, Duration step, int releasedAtStart, int port) {
        this.order = order;
        this.step = step;
        this.releasedAtStart = releasedAtStart;
        this.port = port;
        this.start = Instant.now();
    }

    /**
     * Starts serving the corpus, releasing one announcement every {@code step}.
     *
     * @param initiallyReleased how many announcements are visible from the start
     */
    public static SampleServer start(Duration step, int initiallyReleased) {
        List<SampleAnnouncement> order = SampleCorpus.byPublication();
        SampleServer server = new SampleServer(order, step, initiallyReleased, freePort());
        server.bind(order);
        return server;
    }

    private void bind(List<SampleAnnouncement> all) {
        Map<String, List<SampleAnnouncement>> byKey = new LinkedHashMap<>();
        for (SampleAnnouncement a : all) {
            byKey.computeIfAbsent(a.source() + "-" + a.format(), k -> new ArrayList<>()).add(a);
        }
        int index = 0;
        for (Map.Entry<String, List<SampleAnnouncement>> e : byKey.entrySet()) {
            String host = "127.0.0." + (2 + index++);
            HttpServer http = listen(host);
            SampleAnnouncement first = e.getValue().get(0);
            Source source = new Source("demo-" + e.getKey(), first.source(), first.format(), http.getAddress()
                    .getAddress().getHostAddress(), e.getValue());
            sources.put(source.id(), source);
            http.createContext("/", exchange -> serve(source, exchange));
        }
        LOG.info("Sample sources: {} sources on 127.0.0.x:{}, {} announcements, one more every {} s",
                sources.size(), port, order.size(), step.toMillis() / 1000.0);
    }

    private HttpServer listen(String host) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 50);
            http.setExecutor(executor);
            http.start();
            servers.add(http);
            return http;
        } catch (IOException e) {
            if (!host.equals("127.0.0.1")) {
                return servers.isEmpty() ? listen("127.0.0.1") : servers.get(0);
            }
            throw new IllegalStateException("cannot start the sample server on " + host + ":" + port, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the sample server", e);
        }
    }

    /** How many announcements are published now. */
    public int released() {
        long steps = step.isZero() ? order.size() : Duration.between(start, Instant.now()).dividedBy(step);
        return (int) Math.min(order.size(), releasedAtStart + steps);
    }

    /** How many announcements the corpus holds. */
    public int total() {
        return order.size();
    }

    /**
     * The definitions of the sample sources, for the feeds topic. They are on loopback addresses, so each allows
     * private networks, which covers its own host only; the article pages of the press-room sources are there too.
     */
    public List<FeedSource> sources(Duration interval) {
        List<FeedSource> list = new ArrayList<>();
        for (Source s : sources.values()) {
            String base = "http://" + s.host() + ":" + port;
            boolean html = s.format().equals("html");
            list.add(new FeedSource(s.id(), "Demo: " + s.corpusSource() + " (" + s.format() + ")",
                    base + (html ? "/press/" : "/feed." + s.format()),
                    html ? SourceType.HTML : s.format().equals("atom") ? SourceType.ATOM : SourceType.RSS,
                    interval, interval, interval.multipliedBy(4), true, null, List.of("demo"), true, html, true,
                    html ? new HtmlSelectors("article.news-item", "a.news-link", "h3.news-title", "time",
                            "p.news-summary", "div.article-body") : null));
        }
        return list;
    }

    /** The source's released items, newest first; its first item is out from the start (no source is empty). */
    private List<SampleAnnouncement> visible(Source source) {
        List<SampleAnnouncement> released = order.subList(0, released());
        List<SampleAnnouncement> items = new ArrayList<>();
        for (int i = released.size() - 1; i >= 0 && items.size() < FEED_SIZE; i--) {
            if (source.items().contains(released.get(i))) {
                items.add(released.get(i));
            }
        }
        if (items.isEmpty()) {
            items.add(source.items().get(0));
        }
        return items;
    }

    private void serve(Source source, HttpExchange exchange) throws IOException {
        try (exchange) {
            List<SampleAnnouncement> items = visible(source);
            String path = exchange.getRequestURI().getPath();
            String etag = "\"" + source.id() + "-" + items.size() + "\"";
            if (path.startsWith("/press/") && path.endsWith(".html")) {
                String id = path.substring(path.lastIndexOf('/') + 1, path.length() - 5);
                SampleAnnouncement a = source.items().stream().filter(x -> x.id().equals(id)).findFirst()
                        .orElse(null);
                respond(exchange, a == null ? 404 : 200, "text/html; charset=utf-8", a == null ? "" : article(a),
                        null);
                return;
            }
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            switch (path) {
                case "/feed.rss" -> respond(exchange, 200, "application/rss+xml; charset=utf-8",
                        FeedDocuments.rss(source.corpusSource(), "http://" + source.host() + "/", items), etag);
                case "/feed.atom" -> respond(exchange, 200, "application/atom+xml; charset=utf-8",
                        FeedDocuments.atom(source.corpusSource(), "urn:newsmonitor:sample:" + source.id(), items),
                        etag);
                case "/press/" -> respond(exchange, 200, "text/html; charset=utf-8", listing(source, items), etag);
                default -> respond(exchange, 404, "text/plain", "not found", null);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body, String etag)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String listing(Source source, List<SampleAnnouncement> items) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(source.corpusSource())).append(" – communiqués</title></head><body><nav>Accueil · "
                        + "Presse · Contact</nav><main><h1>Communiqués de presse</h1>");
        for (SampleAnnouncement a : items) {
            html.append("<article class=\"news-item\"><a class=\"news-link\" href=\"/press/").append(a.id())
                    .append(".html\"><h3 class=\"news-title\">").append(escape(a.title())).append("</h3></a><time ")
                    .append("datetime=\"").append(a.publishedAt()).append("\">").append(a.publishedAt())
                    .append("</time><p class=\"news-summary\">").append(escape(a.summary())).append("</p></article>");
        }
        return html.append("</main><footer>© sample source</footer></body></html>").toString();
    }

    private static String article(SampleAnnouncement a) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(a.title()) + "</title></head>"
                + "<body><header><nav>Accueil · Presse · Contact</nav></header><h1>" + escape(a.title()) + "</h1>"
                + "<div class=\"article-body\"><p>" + escape(a.summary()) + "</p>" + paragraphs(a.content()) + "</div>"
                + "<footer>Mentions légales · Plan du site</footer></body></html>";
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }
}
