package io.newsmonitor.processor.dedup;

import java.time.Duration;

/**
 * How duplicates and stories are recognised.
 *
 * @param threshold            estimated Jaccard similarity of the body shingles from which two announcements are
 *                             copies
 * @param containment          share of the shorter body found in the longer from which they are copies (a copy cut
 *                             short or padded with boilerplate)
 * @param window               how long an announcement is remembered for deduplication
 * @param storyWindow          how far apart two write-ups of one event may be
 * @param storySimilarity      least content-word similarity of two write-ups in one language to share a story
 * @param storyThemeOverlap    least Jaccard overlap of the themes of two write-ups to share a story
 */
public record DedupSettings(double threshold, double containment, Duration window, Duration storyWindow,
                            double storySimilarity, double storyThemeOverlap) {
}
