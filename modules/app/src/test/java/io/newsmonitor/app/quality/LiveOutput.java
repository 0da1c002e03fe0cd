package io.newsmonitor.app.quality;

import io.newsmonitor.model.Alert;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Duplicate;
import io.newsmonitor.samples.SampleAnnouncement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the live path made of a labelled set, per corpus item.
 *
 * @param set          the set
 * @param raw          per item id, the announcement the poller published
 * @param firstSeen    per item id, its record on {@code announcements.classified}
 * @param duplicates   per item id, its record on {@code announcements.duplicates}
 * @param itemOfId     per announcement id of a first-seen record, its item id (to read {@code duplicateOf})
 * @param notPublished per item id the poller did not publish, the items sharing its identity (URL within a feed)
 * @param alerts       every alert raised
 * @param aggregates   per aggregate ({@code actors.daily}, {@code themes.daily}, ...), the latest count of each key
 * @param window       the size of the windows of those aggregates (a day)
 * @param maxTextChars the processor's {@code processor.maxTextChars}
 * @param taxonomy     the taxonomy version the processor classified with
 * @param steps        how many release steps the run took
 * @param elapsed      how long the run took, start-up included
 */
record LiveOutput(LabelledSet set, Map<String, Announcement> raw, Map<String, ClassifiedAnnouncement> firstSeen,
                  Map<String, Duplicate> duplicates, Map<String, String> itemOfId,
                  Map<String, List<String>> notPublished, List<Alert> alerts,
                  Map<String, Map<String, Long>> aggregates, Duration window, int maxTextChars, String taxonomy,
                  int steps, Duration elapsed) {

    /** The item's classification, first seen or copy, or {@code null} when it has none. */
    ClassifiedAnnouncement classification(SampleAnnouncement item) {
        ClassifiedAnnouncement c = firstSeen.get(item.id());
        Duplicate d = duplicates.get(item.id());
        return c != null ? c : d == null ? null : d.announcement();
    }

    /** Whether the item came out of the pipeline, or is known to be held back by the poller. */
    boolean accountedFor(SampleAnnouncement item) {
        return firstSeen.containsKey(item.id()) || duplicates.containsKey(item.id())
                || notPublished.containsKey(item.id());
    }
}
