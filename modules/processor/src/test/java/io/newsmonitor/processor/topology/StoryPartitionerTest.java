package io.newsmonitor.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Cooperation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/**
 * Classified announcements go where Kafka's default partitioner puts a record keyed by their story id: where the
 * sink's former {@code stories} repartition put them, so that its stores' changelogs stay valid after an upgrade.
 */
class StoryPartitionerTest {

    private final StoryPartitioner partitioner = new StoryPartitioner();

    @Test
    void everyWriteUpGoesWhereItsStoryIdWouldAsAKey() {
        for (int partitions : new int[] {1, 2, 6, 12}) {
            for (String story : List.of("fx-001", "7546c6a80788f0dadd67fe858e2b0cbb", "s", "é")) {
                int expected = BuiltInPartitioner.partitionForKey(story.getBytes(StandardCharsets.UTF_8), partitions);
                for (String id : List.of(story, "other-" + story, "a")) {
                    assertThat(partitioner.partitions("classified", id, announcement(id, story), partitions))
                            .as(id + " of " + story + " among " + partitions).contains(Set.of(expected));
                }
            }
        }
    }

    @Test
    void storiesSpreadOverThePartitions() {
        long used = IntStream.range(0, 60)
                .mapToObj(i -> partitioner.partitions("classified", "a", announcement("a", "story-" + i), 6))
                .distinct().count();

        assertThat(used).isEqualTo(6);
    }

    private static ClassifiedAnnouncement announcement(String id, String storyId) {
        return new ClassifiedAnnouncement(id, "src", null, "title", "fr", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH,
                "text", List.of(), List.of(), List.of(), false, Cooperation.NONE, storyId, List.of(), "v");
    }
}
