package io.newsmonitor.delivery.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Commits pass only alerts that are done, whatever order they finish in. */
class PartitionOffsetsTest {

    private final PartitionOffsets offsets = new PartitionOffsets(new TopicPartition("alerts", 0));

    @Test
    void commitsUpToTheFirstAlertNotDone() {
        offsets.read(10);
        offsets.read(11);
        offsets.read(12);

        offsets.done(11);
        offsets.done(12);
        assertThat(offsets.toCommit()).isEqualTo(new OffsetAndMetadata(10));
        assertThat(offsets.open()).isEqualTo(1);

        offsets.done(10);
        assertThat(offsets.toCommit()).as("past the last one read").isEqualTo(new OffsetAndMetadata(13));
        assertThat(offsets.open()).isZero();
    }

    @Test
    void asksForACommitOnlyWhenThePositionMoved() {
        assertThat(offsets.toCommit()).as("nothing read").isNull();
        offsets.read(5);
        offsets.committed(5);
        assertThat(offsets.toCommit()).isNull();

        offsets.done(5);
        assertThat(offsets.toCommit()).isEqualTo(new OffsetAndMetadata(6));
        offsets.committed(6);
        assertThat(offsets.toCommit()).isNull();
    }
}
