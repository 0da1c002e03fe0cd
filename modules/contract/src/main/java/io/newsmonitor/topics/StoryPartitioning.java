package io.newsmonitor.topics;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * How {@code announcements.classified} is partitioned: by story id, hashed as Kafka's default partitioner hashes a
 * key (murmur2 of its UTF-8 bytes), while the record key stays the announcement id. So every write-up of one story is
 * on one partition, in the order the processor decided it, and a reader that keeps state per story (the sink, which
 * alerts once per story) needs no repartition of its own: one exactly-once hop fewer between a raw announcement and
 * its alert.
 */
public final class StoryPartitioning {

    private StoryPartitioning() {
    }

    /** The partition of a story's announcements among {@code partitions}. */
    public static int partitionOf(String storyId, int partitions) {
        return Utils.toPositive(Utils.murmur2(storyId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
