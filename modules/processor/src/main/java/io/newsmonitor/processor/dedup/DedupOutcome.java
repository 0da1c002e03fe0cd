package io.newsmonitor.processor.dedup;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Duplicate;

/**
 * What the deduplicator decided: exactly one of the two is set.
 *
 * @param firstSeen the announcement, first of its kind, with its story id
 * @param duplicate the copy, pointing at its original
 */
public record DedupOutcome(ClassifiedAnnouncement firstSeen, Duplicate duplicate) {
}
