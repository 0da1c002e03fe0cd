package io.newsmonitor.processor.topology;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.topics.StoryPartitioning;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Writes a classified announcement to its story's partition ({@link StoryPartitioning}), whatever its key. */
final class StoryPartitioner implements StreamPartitioner<String, ClassifiedAnnouncement> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, ClassifiedAnnouncement announcement,
                                             int numPartitions) {
        return Optional.of(Set.of(StoryPartitioning.partitionOf(announcement.storyId(), numPartitions)));
    }
}
