package io.newsmonitor.app.quality;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.poller.normalise.Urls;
import io.newsmonitor.samples.SampleAnnouncement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the corpus item behind a record of the pipeline. The poller identifies an item by its canonical URL within
 * its source (the feed), so that pair is the key; when two items of one feed share a URL (the poller publishes only
 * one of them), the title tells which one it was.
 */
final class ItemIndex {

    private final Map<String, List<SampleAnnouncement>> byIdentity = new LinkedHashMap<>();
    private final Map<String, String> identityOf = new LinkedHashMap<>();

    ItemIndex(Collection<SampleAnnouncement> items, CorpusFeeds feeds) {
        for (SampleAnnouncement item : items) {
            String identity = identity(feeds.feedOf(item).id(), Urls.canonical(item.url(), null));
            identityOf.put(item.id(), identity);
            byIdentity.computeIfAbsent(identity, k -> new ArrayList<>()).add(item);
        }
    }

    private static String identity(String sourceId, String url) {
        return sourceId + " " + url;
    }

    /** The poller identities of these items. */
    Set<String> identities(Collection<SampleAnnouncement> items) {
        return items.stream().map(item -> identityOf.get(item.id())).collect(Collectors.toSet());
    }

    /** The identities of these raw announcements. */
    static Set<String> identitiesOf(Collection<Announcement> raw) {
        return raw.stream().map(a -> identity(a.sourceId(), a.url())).collect(Collectors.toSet());
    }

    /** The item a record of the pipeline comes from, or {@code null}. */
    SampleAnnouncement itemOf(String sourceId, String url, String title) {
        List<SampleAnnouncement> candidates = byIdentity.getOrDefault(identity(sourceId, url), List.of());
        return candidates.stream().filter(item -> oneLine(item.title()).equals(oneLine(title))).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
    }

    /** The other items of the set with the same poller identity: the poller publishes only one of them. */
    List<String> sameIdentity(SampleAnnouncement item) {
        return byIdentity.get(identityOf.get(item.id())).stream().map(SampleAnnouncement::id)
                .filter(id -> !id.equals(item.id())).toList();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
