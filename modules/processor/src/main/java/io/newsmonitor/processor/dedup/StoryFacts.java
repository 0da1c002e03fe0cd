package io.newsmonitor.processor.dedup;

import java.util.List;

/**
 * What story matching needs of a remembered write-up, kept in the story index itself so that the candidates of a pair
 * of actors are compared without reading their signatures (a signature holds the body's shingles, kilobytes each).
 *
 * @param id        announcement id
 * @param storyId   its story
 * @param eventTime publication (else fetch) time, epoch milliseconds
 * @param language  its language
 * @param salient   its salient actors, sorted
 * @param themes    its theme ids
 * @param anchors   its anchors, sorted
 * @param words     MinHash signature of its content words
 * @param storyStart publication time of its story's first write-up, epoch milliseconds; its own when indexed by a
 *                   version that kept none (0)
 */
record StoryFacts(String id, String storyId, long eventTime, String language, List<String> salient,
                  List<String> themes, List<String> anchors, int[] words, long storyStart) {

    StoryFacts {
        storyStart = storyStart == 0 ? eventTime : storyStart;
    }

    static StoryFacts of(Remembered r) {
        return new StoryFacts(r.id(), r.storyId(), r.eventTime(), r.language(), r.salient(), r.themes(), r.anchors(),
                r.words(), r.storyStart());
    }
}
