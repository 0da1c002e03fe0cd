package io.newsmonitor.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The world the poller benchmark polls, in a process of its own so that the poller's heap is measured alone: a Kafka
 * broker and {@code hosts} HTTP servers on 127.0.1.1, 127.0.1.2, ... each serving {@code feedsPerHost} feeds of
 * 20 items with an ETag, answering 304 to a conditional request. Prints one line
 * {@code READY <bootstrap> <port>} and runs until its standard input closes.
 */
public final class BenchEnvironment {

    static final int ITEMS = 20;
    static final String ETAG = "\"v1\"";

    private BenchEnvironment() {
    }

    /** Host address number {@code n} (0-based) of the benchmark's loopback range. */
    static String host(int n) {
        return "127.0." + (1 + n / 250) + "." + (1 + n % 250);
    }

    public static void main(String[] args) throws Exception {
        int hosts = Integer.parseInt(args[0]);
        int feedsPerHost = Integer.parseInt(args[1]);
        KafkaBroker broker = KafkaBrokerExtension.startBroker();
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ExecutorService executor = Executors.newFixedThreadPool(8);
        AtomicLong full = new AtomicLong();
        AtomicLong notModified = new AtomicLong();
        for (int h = 0; h < hosts; h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host(h)), port), 200);
            int hostIndex = h;
            server.createContext("/", exchange -> {
                try (exchange) {
                    String path = exchange.getRequestURI().getPath();
                    if (!path.startsWith("/f")) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                        notModified.incrementAndGet();
                        exchange.getResponseHeaders().add("ETag", ETAG);
                        exchange.sendResponseHeaders(304, -1);
                        return;
                    }
                    int feed = hostIndex * feedsPerHost + Integer.parseInt(path.substring(2, path.indexOf('.')));
                    byte[] body = SyntheticFeeds.rss(feed, ITEMS).getBytes(StandardCharsets.UTF_8);
                    full.incrementAndGet();
                    exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
                    exchange.getResponseHeaders().add("ETag", ETAG);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.setExecutor(executor);
            server.start();
        }
        System.out.println("READY " + broker.bootstrapServers() + " " + port);
        System.out.flush();
        while (System.in.read() >= 0) {
            // run until the benchmark closes our standard input
        }
        System.err.println("environment: served " + full.get() + " full feeds and " + notModified.get() + " 304s");
        broker.close();
        System.exit(0);
    }
}
