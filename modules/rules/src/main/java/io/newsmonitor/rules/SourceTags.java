package io.newsmonitor.rules;

import java.util.List;

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
}
