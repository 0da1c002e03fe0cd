package io.newsmonitor.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/** A role that stays out of {@code RUNNING} says, once per span of patience, what it is restoring or that it waits. */
class RebalanceWatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final TopicPartition PENDING = new TopicPartition("t-sink-pending-changelog", 1);
    private static final TopicPartition TALLIES = new TopicPartition("t-sink-tallies-changelog", 0);

    private final AtomicLong millis = new AtomicLong(1_000_000);
    private final RebalanceWatch watch = new RebalanceWatch("sink", PATIENCE, millis::get);

    @Test
    void aRoleRebalancingPastItsPatienceNamesEachChangelogItRestoresAndHowFar() {
        // given a role rebalancing, restoring two changelogs, one of them half way
        watch.stateChanged(KafkaStreams.State.REBALANCING);
        watch.onRestoreStart(PENDING, "pending", 0, 800);
        watch.onRestoreStart(TALLIES, "tallies", 100, 5_000);
        watch.onBatchRestored(TALLIES, "tallies", 2_500, 2_400);

        // when its patience has passed
        millis.addAndGet(PATIENCE.toMillis());

        // then it says so once, naming both
        assertThat(watch.check()).contains("sink: REBALANCING for 30 s; restoring t-sink-pending-changelog-1 "
                + "(store pending) at offset 0 of 800, t-sink-tallies-changelog-0 (store tallies) at offset 2500 of 5000");
        assertThat(watch.check()).isEmpty();
    }

    @Test
    void aRoleThatRestoresNothingYetSaysItWaitsForTheGroupOrATaskAgainAfterEachSpan() {
        // given a role rebalancing whose restorations all ended
        watch.stateChanged(KafkaStreams.State.REBALANCING);
        watch.onRestoreStart(PENDING, "pending", 0, 800);
        watch.onRestoreEnd(PENDING, "pending", 800);

        // when twice its patience has passed
        millis.addAndGet(PATIENCE.toMillis());
        String first = watch.check().orElseThrow();
        millis.addAndGet(PATIENCE.toMillis());

        // then it is reported after each span
        assertThat(first).isEqualTo("sink: REBALANCING for 30 s; no changelog is being restored: waiting for the "
                + "group's assignment, or for a task to start");
        assertThat(watch.check()).hasValueSatisfying(w -> assertThat(w).startsWith("sink: REBALANCING for 60 s;"));
    }

    @Test
    void aRunningRoleOrOneRunningAgainInTimeIsNotReported() {
        // given a role that rebalanced and was running again before its patience passed
        watch.stateChanged(KafkaStreams.State.REBALANCING);
        millis.addAndGet(PATIENCE.toMillis() - 1);
        watch.stateChanged(KafkaStreams.State.RUNNING);

        // when long after
        millis.addAndGet(10 * PATIENCE.toMillis());

        // then nothing is reported
        assertThat(watch.check()).isEmpty();
    }
}
