package io.newsmonitor.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-process HTTP server for tests, in the manner of OkHttp's MockWebServer: answers queued per path (consumed in
 * order, the last one repeated), or computed by a handler, and every request recorded for assertions.
 */
public final class FixtureServer implements AutoCloseable {

    /** A request as the server received it. */
    public record RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {
        /** The body as UTF-8 text. */
        public String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        /** The first value of a header, or {@code null}. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, ConcurrentLinkedQueue<FixtureResponse>> queued = new ConcurrentHashMap<>();
    private final Map<String, Function<RecordedRequest, FixtureResponse>> handlers = new ConcurrentHashMap<>();
    private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger abandoned = new AtomicInteger();

    private FixtureServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static FixtureServer start() {
        return start("127.0.0.1", 0);
    }

    /** Starts a server on this address and port (0: a free one). */
    public static FixtureServer start(String address, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 100);
            FixtureServer fixture = new FixtureServer(server);
            server.createContext("/", fixture::handle);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fixture-server");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return fixture;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a fixture server on " + address + ":" + port, e);
        }
    }

    /** Queues answers for a path; once they are used up, the last one is repeated. */
    public FixtureServer enqueue(String path, FixtureResponse... responses) {
        queued.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(responses));
        return this;
    }

    /** Answers every request for a path with what the handler computes. */
    public FixtureServer handle(String path, Function<RecordedRequest, FixtureResponse> handler) {
        handlers.put(path, handler);
        return this;
    }

    /** The absolute URL of a path on this server. */
    public String url(String path) {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + path;
    }

    /** The next request received, waiting up to 10 s, or {@code null}. */
    public RecordedRequest takeRequest() throws InterruptedException {
        return requests.poll(10, TimeUnit.SECONDS);
    }

    /** How many answers the client went away from before they were written whole (a request cancelled, timed out). */
    public int abandonedCount() {
        return abandoned.get();
    }

    /** How many requests have been received and not yet taken. */
    public int requestCount() {
        return requests.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), path,
                Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
        requests.add(request);
        try (exchange) {
            respond(exchange, answerFor(request));
        } catch (IOException e) {
            // the client went away: that is what some tests want
            abandoned.incrementAndGet();
        }
    }

    private FixtureResponse answerFor(RecordedRequest request) {
        String bare = request.path().contains("?") ? request.path().substring(0, request.path().indexOf('?'))
                : request.path();
        for (String key : List.of(request.path(), bare)) {
            Function<RecordedRequest, FixtureResponse> handler = handlers.get(key);
            if (handler != null) {
                return handler.apply(request);
            }
            ConcurrentLinkedQueue<FixtureResponse> queue = queued.get(key);
            if (queue != null && !queue.isEmpty()) {
                return queue.size() > 1 ? queue.poll() : queue.peek();
            }
        }
        return FixtureResponse.status(404);
    }

    private static void respond(HttpExchange exchange, FixtureResponse response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach(headers::add);
        boolean noBody = response.status() == 304 || response.status() == 204
                || exchange.getRequestMethod().equals("HEAD");
        long length = noBody ? -1 : response.endless() || !response.stallAfterHeaders().isZero() ? 0
                : response.body().length == 0 ? -1 : response.body().length;
        exchange.sendResponseHeaders(response.status(), length);
        if (noBody) {
            return;
        }
        OutputStream out = exchange.getResponseBody();
        out.flush();
        sleep(response.stallAfterHeaders().toMillis());
        if (response.endless()) {
            byte[] chunk = "<item><title>endless</title></item>\n".repeat(256).getBytes();
            while (true) {
                out.write(chunk);
            }
        }
        out.write(response.body());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
