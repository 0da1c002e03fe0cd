package io.newsmonitor.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a poller process as a feed hands it a response with a new item, before the transaction that
 * publishes the item (with the source's new state) can commit; the poller is started again in its slot (same
 * instance id, so its successor fences the killed transaction). Repeated; afterwards every item any feed served is
 * on the raw topic exactly once. Recovery is the time from the kill to the commit of the first item the successor
 * fetched.
 */
@ExtendWith({KafkaBrokerExtension.class, ChildProcesses.class})
class PollerKillTest {

    private static final int FEEDS = 3;
    private static final int KILLS = 4;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void killingThePollerBetweenFetchAndCommitLosesAndRepublishesNothing(KafkaBroker broker, @TempDir Path temp)
            throws InterruptedException {
        long start = System.nanoTime();
        Random random = new Random(FaultParameters.SEED);
        try (GrowingFeeds feeds = new GrowingFeeds(FEEDS)) {
            // given a poller process polling feeds that gain an item at every request
            Deployment deployment = Deployment.create(broker.bootstrapServers(), temp, "poller-kill");
            Path slot = deployment.slot("poller", feeds.feedsYaml());
            RoleProcess poller = RoleProcess.role("poller", "poll", slot, broker.bootstrapServers());

            // when it is killed just after the k-th response (k random, 1 to 3), and started again, four times
            List<Duration> recoveries = new ArrayList<>();
            int beforeCommit = 0;
            for (int kill = 0; kill < KILLS; kill++) {
                feeds.served().clear();
                GrowingFeeds.Served killedAfter = nthResponse(feeds, 1 + random.nextInt(3));
                poller.kill();
                long killed = System.nanoTime();
                if (!GrowingFeeds.published(deployment).containsKey(killedAfter.newLink())) {
                    beforeCommit++;
                }
                feeds.served().clear();
                poller = RoleProcess.role("poller", "poll", slot, broker.bootstrapServers());
                String firstNew = nthResponse(feeds, 1).newLink();
                Deployment.awaitLast(WAIT, () -> GrowingFeeds.published(deployment), p -> p.containsKey(firstNew));
                recoveries.add(Duration.ofNanos(System.nanoTime() - killed));
            }
            feeds.stopGrowing();

            // then every item served is on the raw topic exactly once
            Map<String, Long> published = Deployment.awaitLast(WAIT, () -> GrowingFeeds.published(deployment),
                    p -> p.keySet().containsAll(feeds.links()));
            long lost = feeds.links().stream().filter(link -> !published.containsKey(link)).count();
            long duplicated = published.values().stream().mapToLong(n -> n - 1).sum();
            new Figures("kill -9 poller after a response, before its commit (%d of %d kills)"
                    .formatted(beforeCommit, KILLS), feeds.links().size(), (int) lost, duplicated, KILLS,
                    recoveries, Duration.ofNanos(System.nanoTime() - start)).print();
            assertThat(published.keySet()).isEqualTo(feeds.links());
            assertThat(published.values()).as("times each item is on the raw topic").allMatch(n -> n == 1);
            assertThat(beforeCommit).as("kills that landed before the killed response's item was committed")
                    .isPositive();
        }
    }

    /** The {@code n}-th response handed out from now on. */
    private static GrowingFeeds.Served nthResponse(GrowingFeeds feeds, int n) throws InterruptedException {
        GrowingFeeds.Served served = null;
        for (int i = 0; i < n; i++) {
            served = feeds.served().poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(served).as("a feed request within " + WAIT).isNotNull();
        }
        return served;
    }
}
