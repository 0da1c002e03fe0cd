package io.newsmonitor.rules;

import io.newsmonitor.model.FeedSource;
import io.newsmonitor.topics.CompactedTopicReader;
import io.newsmonitor.topics.Topic;
import java.util.List;
import java.util.Map;

/**
 * The tags of a source, by source id. A classified announcement names its source but does not carry the source's
 * tags: they belong to the source ({@code FeedSource.tags()}, on the compacted feeds topic, changed at run time), so
 * {@code sourceTag} conditions read them through this lookup at evaluation time.
 */
@FunctionalInterface
public interface SourceTags {

    /** No source has tags: {@code sourceTag} conditions never hold. */
    SourceTags NONE = sourceId -> List.of();

    /** The tags of the source, empty when it has none or is unknown. */
    List<String> of(String sourceId);

    /** The tags of the sources on the compacted feeds topic, as it holds them now. */
    static SourceTags readFrom(Map<String, Object> kafkaProps, Topic<String, FeedSource> feeds) {
        Map<String, FeedSource> sources = CompactedTopicReader.read(kafkaProps, feeds).values();
        return id -> sources.containsKey(id) ? sources.get(id).tags() : List.of();
    }
}
