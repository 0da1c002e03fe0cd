package io.newsmonitor.rules.preview;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.MatchReason;
import java.util.List;

/**
 * What a rule would have matched.
 *
 * @param matches the matching stories shown (the first write-up read of each, newest publication first, at most the
 *                limit asked for), each with its reasons
 * @param matched how many stories matched in all
 * @param scanned how many classified announcements were read
 * @param skipped how many records could not be read (and were left out)
 */
public record PreviewResult(List<Match> matches, long matched, long scanned, long skipped) {

    public PreviewResult {
        matches = List.copyOf(matches);
    }

    /**
     * One matching story.
     *
     * @param announcement the write-up that matched, without its text and evidence
     * @param reasons      each condition that held, with its evidence terms
     */
    public record Match(ClassifiedAnnouncement announcement, List<MatchReason> reasons) {

        public Match {
            reasons = List.copyOf(reasons);
        }
    }
}
