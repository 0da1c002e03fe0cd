package io.newsmonitor.model;

import java.util.Objects;

/**
 * A copy of an announcement already seen: the value of {@code newsmonitor.announcements.duplicates}, keyed by the
 * copy's id.
 *
 * @param duplicateOf  id of the original (first-seen) announcement
 * @param match        how it was recognised
 * @param similarity   for near copies, the larger of the estimated Jaccard similarity of the body's word shingles
 *                     and the estimated share of the shorter body found in the longer; 1.0 for exact copies
 * @param announcement the copy, classified
 */
public record Duplicate(String duplicateOf, Match match, double similarity, ClassifiedAnnouncement announcement) {

    /** How a duplicate was recognised. */
    public enum Match { URL, GUID, TEXT, NEAR }

    public Duplicate {
        Objects.requireNonNull(duplicateOf, "duplicateOf");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(announcement, "announcement");
    }
}
