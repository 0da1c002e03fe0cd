package io.newsmonitor.delivery.runtime;

import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The alerts of one partition read and not yet done (delivered, dead-lettered or not for a webhook), and so how far
 * the partition may be committed: up to the first alert not done, or past the last one read when all are. Alerts
 * finish out of order (one slow webhook holds its alerts while others deliver theirs); committing only below the
 * first one open is what makes a restart re-send every alert not done (at-least-once).
 *
 * <p>One instance per assignment of the partition: when the partition is revoked its instance is dropped, and a late
 * completion of an alert read under it changes nothing of a later assignment's.
 */
final class PartitionOffsets {

    private final TopicPartition partition;
    private final TreeSet<Long> open = new TreeSet<>();
    private long next = -1;
    private long committed = -1;

    PartitionOffsets(TopicPartition partition) {
        this.partition = partition;
    }

    TopicPartition partition() {
        return partition;
    }

    /** An alert read at {@code offset}. */
    void read(long offset) {
        open.add(offset);
        next = Math.max(next, offset + 1);
    }

    /** The alert at {@code offset} is done. */
    void done(long offset) {
        open.remove(offset);
    }

    /** Alerts read and not done. */
    int open() {
        return open.size();
    }

    /** The offset to commit when it moved since the last commit, else {@code null}. */
    OffsetAndMetadata toCommit() {
        long committable = open.isEmpty() ? next : open.first();
        return committable > committed ? new OffsetAndMetadata(committable) : null;
    }

    /** The commit of {@code offset} succeeded. */
    void committed(long offset) {
        committed = Math.max(committed, offset);
    }
}
