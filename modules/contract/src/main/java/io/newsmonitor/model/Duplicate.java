package io.newsmonitor.model;

import java.util.Objects;

/**
 * A copy of an announcement already seen: the value of {@code newsmonitor.announcements.duplicates}, keyed by the
 * copy's id.
 *
 * @param duplicateOf  id of the original (first-seen) announcement; {@code null} for {@link Match#OUTDATED}
 * @param match        how it was recognised
 * @param similarity   for near copies, the larger of the estimated Jaccard similarity of the body's word shingles
 *                     and the estimated share of the shorter body found in the longer; 1.0 for exact copies
 * @param announcement the copy, classified
 */
public record Duplicate(String duplicateOf, Match match, double similarity, ClassifiedAnnouncement announcement) {

    /** How a duplicate was recognised. */
    public enum Match {
        /** An earlier announcement had the same canonical URL. */
        URL,
        /** An earlier announcement of the same source had the same GUID. */
        GUID,
        /** An earlier announcement had the same normalised title and body. */
        TEXT,
        /** An earlier announcement's body contains this one's (syndication with edits). */
        NEAR,
        /**
         * Published before the deduplicator's memory reaches ({@code processor.dedup.exactMemory} before the newest
         * announcement): whether it was seen cannot be told, so it is not published as new.
         */
        OUTDATED
    }

    public Duplicate {
        if (match != Match.OUTDATED) {
            Objects.requireNonNull(duplicateOf, "duplicateOf");
        }
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(announcement, "announcement");
    }
}
