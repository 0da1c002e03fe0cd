package io.newsmonitor.app.faults;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * RSS feeds on a local fixture server that gain one item at every request while they grow, so that every response a
 * poller is served holds an item it has never seen. Each response is announced, with its new item, as it is handed
 * to the server, so that a test can kill the poller between that fetch and the commit of its items.
 */
final class GrowingFeeds implements AutoCloseable {

    /** A response handed to the server: the feed's path and the link of the item new in it. */
    record Served(String path, String newLink) {
    }

    private static final String SITE = "https://news.example/";

    private final FixtureServer server = FixtureServer.start();
    private final int feeds;
    private final AtomicBoolean growing = new AtomicBoolean(true);
    private final Set<String> links = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Served> served = new LinkedBlockingQueue<>();

    GrowingFeeds(int feeds) {
        this.feeds = feeds;
        for (int f = 0; f < feeds; f++) {
            String path = "/feed-" + f + ".xml";
            AtomicInteger items = new AtomicInteger();
            server.handle(path, request -> respond(path, items));
        }
    }

    /** The {@code feeds.yaml} of these sources, polled every second, trusted on the local network. */
    String feedsYaml() {
        StringBuilder yaml = new StringBuilder("feeds:\n");
        for (int f = 0; f < feeds; f++) {
            yaml.append("""
                      - id: growing-%d
                        url: %s
                        type: rss
                        interval: 1s
                        minInterval: 1s
                        language: en
                        allowPrivateNetwork: true
                    """.formatted(f, server.url("/feed-" + f + ".xml")));
        }
        return yaml.toString();
    }

    /** The responses handed to the server, in order. */
    BlockingQueue<Served> served() {
        return served;
    }

    /** From now on every request gets the items it already has. */
    void stopGrowing() {
        growing.set(false);
    }

    /** Every item link any response has held. */
    Set<String> links() {
        return Set.copyOf(links);
    }

    /** How many times each item of these feeds is on the deployment's raw topic (committed records only). */
    static Map<String, Long> published(Deployment deployment) {
        return TopicReader.readAll(deployment.bootstrapServers(), deployment.topics().raw()).stream()
                .map(ConsumerRecord::value).map(Announcement::url)
                .filter(url -> url != null && url.startsWith(SITE))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private FixtureResponse respond(String path, AtomicInteger items) {
        boolean grows = growing.get();
        int count = grows ? items.incrementAndGet() : items.get();
        StringBuilder entries = new StringBuilder();
        for (int n = 1; n <= count; n++) {
            String link = link(path, n);
            links.add(link);
            entries.append("""
                    <item><title>Item %d of %s</title><link>%s</link><guid>%s</guid>
                    <pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate><description>Announcement %d</description></item>
                    """.formatted(n, path, link, link, n));
        }
        if (grows) {
            served.add(new Served(path, link(path, count)));
        }
        return FixtureResponse.ok("application/rss+xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title>
                <link>https://news.example/</link><description>test</description>%s</channel></rss>
                """.formatted(path, entries));
    }

    private static String link(String path, int n) {
        return SITE + path.substring(1).replace(".xml", "/") + n;
    }

    @Override
    public void close() {
        server.close();
    }
}
