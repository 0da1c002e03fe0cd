package io.newsmonitor.processor.dedup;

import io.newsmonitor.model.ClassifiedAnnouncement;

/**
 * A classified announcement on its way to the deduplicator, with its fingerprint. The value of the processor's
 * internal repartition topic.
 *
 * @param announcement the classified announcement
 * @param fingerprint  what duplicates and stories are recognised by
 */
public record Candidate(ClassifiedAnnouncement announcement, Fingerprint fingerprint) {
}
