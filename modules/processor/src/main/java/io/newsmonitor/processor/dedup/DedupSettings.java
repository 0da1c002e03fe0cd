package io.newsmonitor.processor.dedup;

import java.time.Duration;

/**
 * How duplicates and stories are recognised.
 *
 * @param threshold         similarity from which two announcements are copies: the share of the shorter body's word
 *                          shingles found in the longer. Containment rather than Jaccard, because syndication adds
 *                          outlet boilerplate or drops a paragraph, which lowers Jaccard but not containment.
 * @param editedThreshold   similarity from which an announcement that reports the same event as an earlier one (by
 *                          the story rules) is an edited copy of it; at or above {@code threshold} it changes nothing
 * @param window            how long, in event time, an announcement is remembered for near-copy and story matching
 * @param exactMemory       how long, in event time, its URL, GUID and text keys are remembered; announcements older
 *                          than that are outdated (at least {@code window})
 * @param storyWindow       how far apart two write-ups of one event may be
 * @param storySpan         how long after its first write-up a story may still grow (at least {@code storyWindow}):
 *                          coverage of a several-day event joins it, a chain of write-ups each near the one before
 *                          does not grow it without end
 * @param storySimilarity   least content-word similarity (Jaccard) of two write-ups in one language to share a story
 * @param storyThemeOverlap least Jaccard overlap of the themes of two write-ups to share a story
 */
public record DedupSettings(double threshold, double editedThreshold, Duration window, Duration exactMemory,
                            Duration storyWindow, Duration storySpan, double storySimilarity,
                            double storyThemeOverlap) {

    public DedupSettings {
        exactMemory = exactMemory.compareTo(window) < 0 ? window : exactMemory;
        storySpan = storySpan.compareTo(storyWindow) < 0 ? storyWindow : storySpan;
    }
}
