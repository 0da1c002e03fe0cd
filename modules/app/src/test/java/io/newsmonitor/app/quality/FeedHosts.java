package io.newsmonitor.app.quality;

import io.newsmonitor.model.SourceType;
import io.newsmonitor.samples.FeedDocuments;
import io.newsmonitor.samples.SampleAnnouncement;
import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Serves the feeds of a set, each on a loopback address of its own (127.0.0.2, 127.0.0.3, ...): the poller sends one
 * request at a time per host, so feeds sharing one host would wait for each other's turn, which no real set of
 * outlets does. A feed lists the items released so far, newest first, and answers a conditional request with 304
 * when it has not changed.
 */
final class FeedHosts implements AutoCloseable {

    private final Map<CorpusFeeds.Feed, FixtureServer> servers = new LinkedHashMap<>();

    /**
     * @param items    the set's items in release order
     * @param released how many of them are published now
     */
    FeedHosts(CorpusFeeds feeds, List<SampleAnnouncement> items, IntSupplier released) {
        Map<String, Integer> order = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            order.put(items.get(i).id(), i);
        }
        for (CorpusFeeds.Feed feed : feeds.feeds()) {
            FixtureServer server = start("127.0.0." + (2 + servers.size()));
            servers.put(feed, server);
            server.handle(feed.path(), request -> {
                List<SampleAnnouncement> visible = new ArrayList<>(feed.items().stream()
                        .filter(item -> order.get(item.id()) < released.getAsInt()).toList());
                Collections.reverse(visible);
                String etag = "\"" + feed.id() + "-" + visible.size() + "\"";
                if (etag.equals(request.header("If-None-Match"))) {
                    return FixtureResponse.status(304).withHeader("ETag", etag);
                }
                return (feed.type() == SourceType.RSS
                        ? FixtureResponse.ok("application/rss+xml; charset=utf-8",
                        FeedDocuments.rss(feed.id(), server.url(feed.path()), visible))
                        : FixtureResponse.ok("application/atom+xml; charset=utf-8",
                        FeedDocuments.atom(feed.id(), "urn:newsmonitor:feed:" + feed.id(), visible)))
                        .withHeader("ETag", etag);
            });
        }
    }

    /** A server on this loopback address, or on 127.0.0.1 where only that one exists (not Linux). */
    private static FixtureServer start(String address) {
        try {
            return FixtureServer.start(address, 0);
        } catch (IllegalStateException e) {
            return FixtureServer.start();
        }
    }

    /** The {@code feeds.yaml} of the served feeds: loopback sources, so each allows its own private host. */
    String feedsYaml() {
        StringBuilder yaml = new StringBuilder("feeds:\n");
        servers.forEach((feed, server) -> yaml.append("  - id: ").append(feed.id()).append('\n')
                .append("    url: ").append(server.url(feed.path())).append('\n')
                .append("    type: ").append(feed.type().name().toLowerCase(Locale.ROOT)).append('\n')
                .append("    interval: 100ms\n    minInterval: 100ms\n    maxInterval: 100ms\n")
                .append("    adaptive: false\n")
                .append("    language: ").append(feed.language()).append('\n')
                .append("    allowPrivateNetwork: true\n"));
        return yaml.toString();
    }

    @Override
    public void close() {
        servers.values().forEach(FixtureServer::close);
    }
}
