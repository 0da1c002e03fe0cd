package io.newsmonitor.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second processor and a second sink join a running deployment, take their share of the partitions, and leave:
 * the processor gracefully (SIGTERM, its shutdown hook closes Kafka Streams), the sink with {@code kill -9}. Each
 * rebalance moves tasks and their state between processes; the output must be that of an undisturbed run.
 */
@ExtendWith({KafkaBrokerExtension.class, ChildProcesses.class})
class RebalanceTest {

    private static final Duration REBALANCE = Duration.ofSeconds(120);
    private static final double JOIN_AT = 0.1;
    private static final double LEAVE_AT = 0.5;

    @Test
    void aSecondProcessorAndSinkJoinAndLeaveWithoutChangingTheOutput(KafkaBroker broker, @TempDir Path temp) {
        long start = System.nanoTime();
        String servers = broker.bootstrapServers();
        AnnouncementMix mix = AnnouncementMix.generate(FaultParameters.SEED, FaultParameters.ANNOUNCEMENTS,
                Deployment.PARTITIONS);
        Outcome undisturbed = Baseline.of(servers, FaultParameters.SEED, mix);
        int size = mix.announcements().size();

        // given one processor and one sink, each a process of its own, and a first third of the mix flowing
        Deployment deployment = Deployment.create(servers, temp, "rebalance");
        Topics topics = deployment.topics();
        Topic<?, ?>[] processed = {topics.classified(), topics.duplicates()};
        RoleProcess processor = deployment.start("process", "processor-1");
        RoleProcess sink = deployment.start("sink", "sink-1");
        deployment.produce(third(mix, 0));
        List<Duration> recoveries = new ArrayList<>();

        try (Progress progress = new Progress(servers, Deployment.PARTITIONS)) {
            // when a second processor and a second sink join, and run while the second third flows
            await().atMost(REBALANCE).until(() -> progress.of(processed) >= JOIN_AT * size);
            RoleProcess secondProcessor = deployment.start("process", "processor-2");
            RoleProcess secondSink = deployment.start("sink", "sink-2");
            await().atMost(REBALANCE).until(() -> secondProcessor.logged("processor: RUNNING")
                    && secondSink.logged("sink: RUNNING"));
            deployment.produce(third(mix, 1));

            // and leave as the last third flows, the processor gracefully, the sink killed
            await().atMost(REBALANCE).until(() -> progress.of(processed) >= LEAVE_AT * size);
            deployment.produce(third(mix, 2));
            try (OutputWatch watch = new OutputWatch(servers, Deployment.PARTITIONS, processed)) {
                secondProcessor.stop();
                recoveries.add(watch.awaitNewRecord(REBALANCE));
            }
            try (OutputWatch watch = new OutputWatch(servers, Deployment.PARTITIONS, topics.alerts())) {
                secondSink.kill();
                recoveries.add(watch.awaitNewRecord(REBALANCE));
            }
        }

        // then the output is that of the undisturbed run
        Outcome outcome = deployment.awaitOutcomeOf(mix, undisturbed);
        new Figures("second processor and sink join, then leave (SIGTERM / kill -9)", size,
                outcome.lost(mix.ids()).size(), outcome.duplicated(), 2, recoveries,
                Duration.ofNanos(System.nanoTime() - start)).print();
        outcome.assertSameAs(undisturbed, mix.ids());
        assertThat(List.of(processor, sink)).allMatch(RoleProcess::isAlive);
    }

    /** The {@code i}-th third of the mix, in order. */
    private static List<Announcement> third(AnnouncementMix mix, int i) {
        List<Announcement> all = mix.announcements();
        return all.subList(i * all.size() / 3, (i + 1) * all.size() / 3);
    }
}
