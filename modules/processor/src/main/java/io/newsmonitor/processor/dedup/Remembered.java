package io.newsmonitor.processor.dedup;

import java.util.List;

/**
 * What the deduplicator remembers of a first-seen announcement, until the stream's event time passes its own by the
 * window.
 *
 * @param id        announcement id
 * @param storyId   its story
 * @param eventTime publication (else fetch) time, epoch milliseconds
 * @param shingles  sorted hashes of its body shingles
 * @param words     MinHash signature of its content words
 * @param actors    its actor ids
 * @param themes    its theme ids
 * @param language  its language
 * @param salient   its salient actors
 * @param anchors   its anchors ({@link Anchors}); empty when remembered by a version that had none
 * @param storyStart publication time of its story's first write-up, epoch milliseconds; its own when remembered by a
 *                   version that kept none (0)
 */
public record Remembered(String id, String storyId, long eventTime, long[] shingles, int[] words,
                         List<String> actors, List<String> themes, String language, List<String> salient,
                         List<String> anchors, long storyStart) {

    public Remembered {
        anchors = anchors == null ? List.of() : anchors;
        storyStart = storyStart == 0 ? eventTime : storyStart;
    }
}
