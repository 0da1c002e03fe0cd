package io.newsmonitor.app.quality;

import static org.awaitility.Awaitility.await;

import io.newsmonitor.app.TestApp;
import io.newsmonitor.app.bench.Progress;
import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Pipeline;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Duplicate;
import io.newsmonitor.samples.SampleAnnouncement;
import io.newsmonitor.sink.aggregates.Granularity;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.TestConfigDir;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one labelled set through the live path on a real broker: its items served as feeds by local HTTP servers
 * ({@link FeedHosts}) and released step by step ({@link ReleasePlan}), the poller, processor and sink started as
 * {@code run} starts them, under a topic prefix of their own, and every output topic read back.
 *
 * <p>Settings are the defaults of {@code newsmonitor.yaml}, the project's dictionaries and subscriptions, except what
 * a test needs (sources polled every 100 ms, each allowing its own loopback host) and one partition per topic: the
 * release steps then reach the deduplicator in the order the poller published them, as items published minutes or
 * days apart do live. With the corpus released in publication order, the deduplicator's and the sink's memories,
 * which age by publication time, see 2023–2026 as they would have seen it live; nothing is {@code OUTDATED}.
 */
final class LiveRun {

    private static final Duration STEP_DEADLINE = Duration.ofSeconds(60);
    private static final Duration DRAIN_DEADLINE = Duration.ofSeconds(120);
    private static final Duration CHECK = Duration.ofMillis(25);

    private LiveRun() {
    }

    static LiveOutput run(LabelledSet set, KafkaBroker broker, Path temp) {
        long start = System.nanoTime();
        String prefix = TestTopics.uniquePrefix("live-" + set.name());
        CorpusFeeds feeds = new CorpusFeeds(set.items());
        ItemIndex index = new ItemIndex(set.items(), feeds);
        AtomicInteger released = new AtomicInteger();
        List<Integer> steps = ReleasePlan.steps(set.items());
        try (FeedHosts hosts = new FeedHosts(feeds, set.items(), released::get)) {
            AppConfig config = AppConfig.load(configDir(temp.resolve(set.name()), prefix, hosts.feedsYaml()),
                    broker.bootstrapServers(), null);
            Topics topics = config.kafka().topics();
            Pipeline.prepare(config, true);
            try (TopicCollector collector = new TopicCollector(broker.bootstrapServers(), topics,
                    Topics.AGGREGATE_NAMES);
                 Progress progress = new Progress(config.kafka().commonProperties());
                 Pipeline pipeline = Pipeline.start(config, EnumSet.allOf(Pipeline.Role.class))) {
                for (int end : steps) {
                    released.set(end);
                    Set<String> expected = index.identities(set.items().subList(0, end));
                    await("release of " + end + " items").atMost(STEP_DEADLINE).pollInterval(CHECK)
                            .until(() -> ItemIndex.identitiesOf(collector.raw).containsAll(expected));
                }
                await("every published item classified").atMost(DRAIN_DEADLINE).pollInterval(CHECK)
                        .until(() -> collector.classified.size() + collector.duplicates.size()
                                >= collector.raw.size());
                await("the sink caught up").atMost(DRAIN_DEADLINE).pollInterval(CHECK)
                        .until(() -> progress.caughtUp(config.sink().applicationId(),
                                List.of(topics.classified().name())));
                await("the sink's transactions settled").atMost(DRAIN_DEADLINE).pollInterval(CHECK)
                        .until(() -> progress.settled(collector.topicNames()));
                long turn = collector.turn();
                await("alerts and aggregates read").atMost(DRAIN_DEADLINE).pollInterval(CHECK)
                        .until(() -> collector.drainedAfter(turn));
                return output(set, index, collector, config, steps.size(),
                        Duration.ofNanos(System.nanoTime() - start));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while closing the collector", e);
            }
        }
    }

    private static LiveOutput output(LabelledSet set, ItemIndex index, TopicCollector collector, AppConfig config,
                                     int steps, Duration elapsed) {
        Map<String, ClassifiedAnnouncement> firstSeen = new HashMap<>();
        Map<String, Duplicate> duplicates = new HashMap<>();
        Map<String, String> itemOfId = new HashMap<>();
        for (ClassifiedAnnouncement c : collector.classified) {
            SampleAnnouncement item = index.itemOf(c.sourceId(), c.url(), c.title());
            if (item != null) {
                firstSeen.put(item.id(), c);
                itemOfId.put(c.id(), item.id());
            }
        }
        for (Duplicate d : collector.duplicates) {
            SampleAnnouncement item = index.itemOf(d.announcement().sourceId(), d.announcement().url(),
                    d.announcement().title());
            if (item != null) {
                duplicates.put(item.id(), d);
            }
        }
        Map<String, Announcement> raw = new HashMap<>();
        for (Announcement a : collector.raw) {
            SampleAnnouncement item = index.itemOf(a.sourceId(), a.url(), a.title());
            if (item != null) {
                raw.put(item.id(), a);
            }
        }
        Map<String, List<String>> notPublished = new HashMap<>();
        Set<String> published = new HashSet<>(raw.keySet());
        for (SampleAnnouncement item : set.items()) {
            if (!published.contains(item.id()) && !index.sameIdentity(item).isEmpty()) {
                notPublished.put(item.id(), index.sameIdentity(item));
            }
        }
        Map<String, Map<String, Long>> aggregates = new HashMap<>();
        for (String name : Topics.AGGREGATE_NAMES) {
            aggregates.put(name, Map.copyOf(collector.aggregates.getOrDefault(
                    config.kafka().topics().aggregate(name).name(), Map.of())));
        }
        String taxonomy = collector.classified.isEmpty() ? "none" : collector.classified.get(0).taxonomyVersion();
        return new LiveOutput(set, raw, firstSeen, duplicates, itemOfId, notPublished, List.copyOf(collector.alerts),
                aggregates, Granularity.DAILY.size(), config.processor().maxTextChars(), taxonomy, steps, elapsed);
    }

    private static Path configDir(Path temp, String prefix, String feeds) {
        try {
            return TestApp.configDir(temp, prefix, 1, feeds,
                    Files.readString(TestConfigDir.projectConfig().resolve(AppConfig.SUBSCRIPTIONS_FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
