package io.newsmonitor.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.rules.Rules;
import io.newsmonitor.sink.config.SubscriptionCatalog;
import io.newsmonitor.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker ({@code newsmonitor broker}, a child process) is killed under load and started again on the same port
 * and data directory after {@code faults.outage} (10 s by default; 30 s by hand). A poller, a processor and a sink,
 * each a process of its own, must ride it out without being restarted: every process stays alive, the poller's
 * feed items are on the raw topic exactly once, every raw announcement has exactly one outcome, and alerts and
 * aggregate counts are what the classified announcements call for.
 */
@ExtendWith(ChildProcesses.class)
class BrokerOutageTest {

    private static final int FEEDS = 2;
    private static final double KILL_AT = 0.2;
    private static final Duration RECOVERY = Duration.ofSeconds(180);

    @Test
    void everyRoleRidesOutABrokerOutageWithoutLossOrDuplicates(@TempDir Path temp) {
        long start = System.nanoTime();
        AnnouncementMix mix = AnnouncementMix.generate(FaultParameters.SEED, FaultParameters.ANNOUNCEMENTS / 2,
                Deployment.PARTITIONS);
        List<Announcement> announcements = mix.announcements();
        BrokerProcess broker = new BrokerProcess(temp.resolve("broker"));
        broker.start();
        try (GrowingFeeds feeds = new GrowingFeeds(FEEDS)) {
            // given a poller, a processor and a sink, each a process of its own, and half the mix flowing
            Deployment deployment = Deployment.create(broker.bootstrapServers(), temp, "outage");
            Topics topics = deployment.topics();
            List<RoleProcess> roles = List.of(
                    RoleProcess.role("poller", "poll", deployment.slot("poller", feeds.feedsYaml()),
                            broker.bootstrapServers()),
                    deployment.start("process", "processor"), deployment.start("sink", "sink"));
            deployment.produce(announcements.subList(0, announcements.size() / 2));

            // when the broker is killed while they work, stays away, and comes back on the same port and data
            try (Progress progress = new Progress(broker.bootstrapServers(), Deployment.PARTITIONS)) {
                await().atMost(RECOVERY).until(() -> progress.of(topics.classified(), topics.duplicates())
                        >= KILL_AT * announcements.size());
            }
            broker.kill();
            long killed = System.nanoTime();
            await().during(FaultParameters.OUTAGE).atMost(FaultParameters.OUTAGE.plusSeconds(5))
                    .until(() -> roles.stream().allMatch(RoleProcess::isAlive));
            broker.start();
            Duration down = Duration.ofNanos(System.nanoTime() - killed);
            List<Duration> recoveries = new ArrayList<>();
            try (OutputWatch raw = new OutputWatch(broker.bootstrapServers(), Deployment.PARTITIONS, topics.raw());
                 OutputWatch processed = new OutputWatch(broker.bootstrapServers(), Deployment.PARTITIONS,
                         topics.classified(), topics.duplicates());
                 OutputWatch alerts = new OutputWatch(broker.bootstrapServers(), Deployment.PARTITIONS,
                         topics.alerts())) {
                recoveries.add(raw.awaitNewRecord(RECOVERY));
                recoveries.add(processed.awaitNewRecord(RECOVERY));
                recoveries.add(alerts.awaitNewRecord(RECOVERY));
            }
            deployment.produce(announcements.subList(announcements.size() / 2, announcements.size()));
            feeds.stopGrowing();

            // then nothing is lost or duplicated, and no role was restarted
            Rules rules = Rules.load(deployment.config("check").dir());
            List<Subscription> subscriptions =
                    SubscriptionCatalog.load(deployment.config("check").subscriptionsFile(), rules);
            Outcome outcome = deployment.awaitOutcome(FaultParameters.budget(announcements.size()), o ->
                    GrowingFeeds.published(deployment).keySet().containsAll(feeds.links())
                            && o.reached(rawIds(deployment), o.expectedAlertKeys(subscriptions, rules),
                            o.expectedAggregates()));
            List<String> rawIds = rawIds(deployment);
            Map<String, Long> published = GrowingFeeds.published(deployment);
            long itemsLost = feeds.links().stream().filter(link -> !published.containsKey(link)).count();
            long itemsTwice = published.values().stream().mapToLong(n -> n - 1).sum();
            new Figures("broker kill -9, restarted after %ds, down %ds in all"
                    .formatted(FaultParameters.OUTAGE.toSeconds(), down.toSeconds()),
                    announcements.size() + feeds.links().size(), outcome.lost(rawIds).size() + (int) itemsLost,
                    outcome.duplicated() + itemsTwice, 1, recoveries,
                    Duration.ofNanos(System.nanoTime() - start)).print();
            if (!outcome.aggregates().equals(outcome.expectedAggregates())) {
                System.out.println("Aggregates differ; partitions with a transaction still open: "
                        + TopicReader.openTransactions(broker.bootstrapServers(), aggregateTopics(topics)));
            }
            assertThat(outcome.lost(rawIds)).as("raw ids in neither classified nor duplicates").isEmpty();
            assertThat(outcome.repeated()).as("records twice on classified, duplicates or alerts").isEmpty();
            assertThat(outcome.alerts().keySet()).isEqualTo(outcome.expectedAlertKeys(subscriptions, rules));
            assertThat(outcome.aggregates()).isEqualTo(outcome.expectedAggregates());
            assertThat(published.keySet()).as("feed items on the raw topic").containsAll(feeds.links());
            assertThat(itemsTwice).as("feed items published twice").isZero();
            assertThat(roles).as("role processes never restarted").allMatch(RoleProcess::isAlive);
        }
    }

    private static List<String> aggregateTopics(Topics topics) {
        return Topics.AGGREGATE_NAMES.stream().map(name -> topics.aggregate(name).name()).toList();
    }

    /** The ids on the raw topic: the mix's and the poller's. */
    private static List<String> rawIds(Deployment deployment) {
        return TopicReader.readAll(deployment.bootstrapServers(), deployment.topics().raw()).stream()
                .map(ConsumerRecord::key).toList();
    }
}
