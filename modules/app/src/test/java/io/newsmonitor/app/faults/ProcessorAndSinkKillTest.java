package io.newsmonitor.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the processor, then of the sink, three times each at random points while announcements flow,
 * with every role a process of its own: each killed process is started again in its slot (state directory and
 * configuration), as a supervisor would. Exactly-once must hold across the kills: nothing lost, nothing twice, and
 * the same alerts and aggregate counts as an undisturbed run of the same input.
 */
@ExtendWith({KafkaBrokerExtension.class, ChildProcesses.class})
class ProcessorAndSinkKillTest {

    private static final int KILLS_PER_ROLE = 3;
    private static final Duration RECOVERY = Duration.ofSeconds(120);

    @Test
    void killingTheProcessorThenTheSinkThreeTimesEachLosesAndDuplicatesNothing(KafkaBroker broker,
                                                                              @TempDir Path temp) {
        long start = System.nanoTime();
        String servers = broker.bootstrapServers();
        AnnouncementMix mix = AnnouncementMix.generate(FaultParameters.SEED, FaultParameters.ANNOUNCEMENTS,
                Deployment.PARTITIONS);
        Outcome undisturbed = Baseline.of(servers, FaultParameters.SEED, mix);
        Random random = new Random(FaultParameters.SEED);
        int size = mix.announcements().size();

        // given a processor and a sink, each a process of its own, and the mix flowing through them
        Deployment deployment = Deployment.create(servers, temp, "kill");
        Topics topics = deployment.topics();
        RoleProcess processor = deployment.start("process", "processor");
        RoleProcess sink = deployment.start("sink", "sink");
        deployment.produce(mix);

        // when each is killed three times at random points of its progress, and started again each time
        List<Duration> recoveries = new ArrayList<>();
        try (Progress progress = new Progress(servers, Deployment.PARTITIONS)) {
            for (double point : points(random, 0.1, 0.45)) {
                processor = killAndRestart(deployment, processor, "process", progress, (long) (point * size),
                        size, recoveries, topics.classified(), topics.duplicates());
            }
            for (double point : points(random, 0.5, 0.9)) {
                sink = killAndRestart(deployment, sink, "sink", progress,
                        (long) (point * undisturbed.alerts().size()), undisturbed.alerts().size(), recoveries,
                        topics.alerts());
            }
        }

        // then every raw announcement has exactly one outcome, and alerts and counts are those of the undisturbed run
        Outcome outcome = deployment.awaitOutcomeOf(mix, undisturbed);
        new Figures("kill -9 processor x3, sink x3", size, outcome.lost(mix.ids()).size(), outcome.duplicated(),
                2 * KILLS_PER_ROLE, recoveries, Duration.ofNanos(System.nanoTime() - start)).print();
        outcome.assertSameAs(undisturbed, mix.ids());
        assertThat(List.of(processor, sink)).allMatch(RoleProcess::isAlive);
    }

    /** Three points between {@code from} and {@code to}, in order. */
    private static double[] points(Random random, double from, double to) {
        return DoubleStream.generate(() -> from + random.nextDouble() * (to - from)).limit(KILLS_PER_ROLE)
                .sorted().toArray();
    }

    /**
     * Waits until the role's output has reached {@code at}, kills it, starts it again in its slot and returns the new
     * process, once it has committed new output (the time to that is added to {@code recoveries}). On a busy machine
     * the role may have committed all of its {@code total} output between the check and the kill: then there is no
     * new output to wait for, and no recovery time to measure.
     */
    private static RoleProcess killAndRestart(Deployment deployment, RoleProcess role, String command,
                                              Progress progress, long at, long total, List<Duration> recoveries,
                                              Topic<?, ?>... outputs) {
        await().atMost(RECOVERY).until(() -> progress.of(outputs) >= at);
        role.kill();
        try (OutputWatch watch = new OutputWatch(deployment.bootstrapServers(), Deployment.PARTITIONS, outputs)) {
            boolean complete = progress.of(outputs) >= total;
            RoleProcess restarted = deployment.start(command, role.name());
            if (!complete) {
                recoveries.add(watch.awaitNewRecord(RECOVERY));
            }
            return restarted;
        }
    }
}
