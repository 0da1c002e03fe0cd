package io.newsmonitor.processor.dedup;

import java.util.List;

/**
 * What the deduplicator needs to know of an announcement, computed where it is classified.
 *
 * @param exactKeys keys under which an exact copy is recognised: {@code url:...}, {@code guid:...},
 *                  {@code text:...} (hash of the normalised body)
 * @param shingles  sorted hashes of the body's word shingles (bounded), measured exactly against candidates
 * @param signature MinHash signature of {@code shingles}, whose bands find the candidates
 * @param words     MinHash signature of the body's content words (story similarity)
 * @param salient   sorted ids of the salient actors: the cooperation parties, else the countries, groups and
 *                  organisations
 * @param anchors   the names and figures of title and body that say which event it reports ({@link Anchors})
 * @param eventTime publication time, or fetch time when unknown, in epoch milliseconds
 */
public record Fingerprint(List<String> exactKeys, long[] shingles, int[] signature, int[] words, List<String> salient,
                          List<String> anchors, long eventTime) {
}
