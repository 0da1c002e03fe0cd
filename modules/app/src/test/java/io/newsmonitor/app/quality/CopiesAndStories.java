package io.newsmonitor.app.quality;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Duplicate;
import io.newsmonitor.poller.normalise.Urls;
import io.newsmonitor.samples.SampleAnnouncement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Syndicated copies and stories compared with the labels.
 *
 * <ul>
 *   <li>A copy is caught when it went to {@code duplicates} pointing at its labelled original or at another copy of
 *       it, or when the poller did not publish it because it has its original's URL in the same feed.</li>
 *   <li>An original is mistaken when it went to {@code duplicates} as a copy ({@code OUTDATED} is counted apart: it
 *       says the item is older than the deduplicator's memory, not that it is a copy).</li>
 *   <li>Stories are compared on the first-seen items that are not copies: every pair of items with one story label
 *       is a same-event pair, grouped when the processor gave both one {@code storyId}; every pair of items with
 *       different labels and one {@code storyId} is a pair of distinct events in one story.</li>
 * </ul>
 */
final class CopiesAndStories {

    int copies;
    int caught;
    int caughtByThePoller;
    int originalsMistaken;
    /** Originals the poller held back: another item of their feed has their URL. */
    int originalsHeldBack;
    int outdated;
    int sameEventPairs;
    int sameEventPairsGrouped;
    int distinctEventPairsMerged;
    /**
     * Of those, pairs whose two story labels share a page: an item of each has the same URL or rewrites the same
     * {@code origin.url}. Two writers labelled one page as two events, so the labels may be doubted rather than the
     * processor.
     */
    int distinctEventPairsSharingAPage;
    /** Each predicted story holding several story labels: its items, as {@code id (label)}. */
    final List<List<String>> merges = new ArrayList<>();
    final List<String> missedCopies = new ArrayList<>();
    final List<String> mistakenOriginals = new ArrayList<>();

    CopiesAndStories(LiveOutput output) {
        Map<String, SampleAnnouncement> byId = output.set().items().stream()
                .collect(Collectors.toMap(SampleAnnouncement::id, item -> item));
        for (SampleAnnouncement item : output.set().items()) {
            Duplicate d = output.duplicates().get(item.id());
            if (d != null && d.match() == Duplicate.Match.OUTDATED) {
                outdated++;
                continue;
            }
            String original = item.expect().duplicateOf();
            if (original != null) {
                copies++;
                if (d != null && root(byId, output.itemOfId().get(d.duplicateOf())).equals(root(byId, item.id()))) {
                    caught++;
                } else if (output.notPublished().getOrDefault(item.id(), List.of()).contains(original)) {
                    caught++;
                    caughtByThePoller++;
                } else {
                    missedCopies.add(item.id() + (d == null ? "" : " (taken for a copy of "
                            + output.itemOfId().get(d.duplicateOf()) + ")"));
                }
            } else if (output.notPublished().containsKey(item.id())) {
                originalsHeldBack++;
            } else if (d != null) {
                originalsMistaken++;
                mistakenOriginals.add(item.id() + " (" + d.match() + " " + d.similarity() + " of "
                        + output.itemOfId().get(d.duplicateOf()) + ")");
            }
        }
        stories(output);
    }

    private void stories(LiveOutput output) {
        Map<String, Set<String>> pages = pages(output.set().items());
        List<SampleAnnouncement> originals = output.set().items().stream()
                .filter(item -> item.expect().duplicateOf() == null && output.firstSeen().containsKey(item.id()))
                .toList();
        for (int i = 0; i < originals.size(); i++) {
            for (int j = i + 1; j < originals.size(); j++) {
                SampleAnnouncement a = originals.get(i);
                SampleAnnouncement b = originals.get(j);
                boolean sameLabel = a.expect().story().equals(b.expect().story());
                boolean sameStory = storyOf(output, a).equals(storyOf(output, b));
                if (sameLabel) {
                    sameEventPairs++;
                    sameEventPairsGrouped += sameStory ? 1 : 0;
                } else if (sameStory) {
                    distinctEventPairsMerged++;
                    distinctEventPairsSharingAPage += sharePage(pages, a, b) ? 1 : 0;
                }
            }
        }
        Map<String, List<SampleAnnouncement>> byStory = originals.stream()
                .collect(Collectors.groupingBy(item -> storyOf(output, item), TreeMap::new, Collectors.toList()));
        byStory.values().stream()
                .filter(members -> members.stream().map(m -> m.expect().story()).distinct().count() > 1)
                .forEach(members -> merges.add(members.stream()
                        .map(m -> m.id() + " (" + m.expect().story() + ")").toList()));
    }

    private static boolean sharePage(Map<String, Set<String>> pages, SampleAnnouncement a, SampleAnnouncement b) {
        return pages.get(a.expect().story()).stream().anyMatch(pages.get(b.expect().story())::contains);
    }

    /** Per story label, the canonical URLs and origin URLs of its items. */
    private static Map<String, Set<String>> pages(List<SampleAnnouncement> items) {
        Map<String, Set<String>> pages = new HashMap<>();
        for (SampleAnnouncement item : items) {
            Set<String> of = pages.computeIfAbsent(item.expect().story(), s -> new HashSet<>());
            of.add(Urls.canonical(item.url(), null));
            if (item.origin() != null) {
                of.add(item.origin().url());
            }
        }
        return pages;
    }

    private static String storyOf(LiveOutput output, SampleAnnouncement item) {
        ClassifiedAnnouncement c = output.firstSeen().get(item.id());
        return c.storyId();
    }

    /** The original a copy's chain of labels leads to (an item that copies nobody). */
    private static String root(Map<String, SampleAnnouncement> byId, String id) {
        String current = id;
        while (current != null && byId.containsKey(current) && byId.get(current).expect().duplicateOf() != null) {
            current = byId.get(current).expect().duplicateOf();
        }
        return String.valueOf(current);
    }
}
