package io.newsmonitor.processor.dedup;

import java.util.List;

/**
 * What the deduplicator remembers of a first-seen announcement, for the length of the window.
 *
 * @param id           announcement id
 * @param storyId      its story
 * @param eventTime    publication (else fetch) time, epoch milliseconds
 * @param seenAt       when the deduplicator saw it, epoch milliseconds (for expiry)
 * @param shingles     MinHash signature of its body shingles
 * @param shingleCount distinct shingles of its body
 * @param words        MinHash signature of its content words
 * @param actors       its actor ids
 * @param themes       its theme ids
 * @param language     its language
 * @param storyKey     its salient actors, or {@code null}
 * @param exactKeys    its exact keys
 */
public record Remembered(String id, String storyId, long eventTime, long seenAt, int[] shingles, int shingleCount,
                         int[] words, List<String> actors, List<String> themes, String language, String storyKey,
                         List<String> exactKeys) {
}
