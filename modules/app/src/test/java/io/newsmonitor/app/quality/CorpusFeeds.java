package io.newsmonitor.app.quality;

import io.newsmonitor.model.SourceType;
import io.newsmonitor.samples.SampleAnnouncement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How a labelled set is spread over feeds: per language a few feeds (one for every {@value #ITEMS_PER_FEED} items, at
 * least two when the language has two items), RSS 2.0 and Atom in turn. Every item of one corpus source goes to the
 * same feed, as an outlet publishes in its own feed.
 */
final class CorpusFeeds {

    private static final int ITEMS_PER_FEED = 20;
    private static final int MAX_FEEDS_PER_LANGUAGE = 4;

    /**
     * One served feed.
     *
     * @param id       its source id
     * @param language the language of its items (the source's language hint)
     * @param type     RSS or Atom
     * @param items    its items, oldest first
     */
    record Feed(String id, String language, SourceType type, List<SampleAnnouncement> items) {

        String path() {
            return "/" + id + (type == SourceType.RSS ? ".rss" : ".atom");
        }
    }

    private final List<Feed> feeds;
    private final Map<String, Feed> feedOfItem = new LinkedHashMap<>();

    CorpusFeeds(List<SampleAnnouncement> items) {
        Map<String, List<SampleAnnouncement>> byLanguage = items.stream().collect(Collectors.groupingBy(
                SampleAnnouncement::language, TreeMap::new, Collectors.toList()));
        feeds = new ArrayList<>();
        byLanguage.forEach((language, ofLanguage) -> feeds.addAll(feedsOf(language, ofLanguage)));
        feeds.forEach(f -> f.items().forEach(item -> feedOfItem.put(item.id(), f)));
    }

    private static List<Feed> feedsOf(String language, List<SampleAnnouncement> items) {
        int count = items.size() < 2 ? 1
                : Math.max(2, Math.min(MAX_FEEDS_PER_LANGUAGE, (items.size() + ITEMS_PER_FEED - 1) / ITEMS_PER_FEED));
        List<List<SampleAnnouncement>> shares = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shares.add(new ArrayList<>());
        }
        for (SampleAnnouncement item : items) {
            shares.get(Math.floorMod(item.source().hashCode(), count)).add(item);
        }
        List<Feed> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!shares.get(i).isEmpty()) {
                SourceType type = i % 2 == 0 ? SourceType.RSS : SourceType.ATOM;
                String id = "live-" + language + "-" + (i + 1) + "-" + type.name().toLowerCase(Locale.ROOT);
                list.add(new Feed(id, language, type, List.copyOf(shares.get(i))));
            }
        }
        return list;
    }

    List<Feed> feeds() {
        return feeds;
    }

    Feed feedOf(SampleAnnouncement item) {
        return feedOfItem.get(item.id());
    }
}
