package io.newsmonitor.processor.dedup;

import java.util.List;

/**
 * What the deduplicator needs to know of an announcement, computed where it is classified.
 *
 * @param exactKeys    keys under which an exact copy is recognised: {@code url:...}, {@code guid:...},
 *                     {@code text:...} (hash of the normalised body)
 * @param shingles     MinHash signature of the body's word shingles (near-duplicates)
 * @param shingleCount number of distinct shingles of the body
 * @param words        MinHash signature of the body's content words (story similarity)
 * @param storyKey     sorted ids of the salient actors (the cooperation parties, else the countries and
 *                     organisations), joined by {@code +}; {@code null} when fewer than two
 * @param eventTime    publication time, or fetch time when unknown, in epoch milliseconds
 */
public record Fingerprint(List<String> exactKeys, int[] shingles, int shingleCount, int[] words, String storyKey,
                          long eventTime) {
}
