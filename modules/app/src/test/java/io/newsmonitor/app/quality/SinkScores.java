package io.newsmonitor.app.quality;

import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.samples.SampleAnnouncement;
import io.newsmonitor.sink.aggregates.Dimension;
import io.newsmonitor.sink.aggregates.Granularity;
import io.newsmonitor.streams.PublicationTimeExtractor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the sink made of the set. Alerts of the {@code ai-cooperation} subscription of {@code config/subscriptions.yaml}
 * (every AI cooperation, once per story) against the labelled AI-cooperation events (story labels with an original
 * labelled as a cooperation); and per aggregate the sum of the counts on its topic against the sum the classified
 * records call for (the sink lost nothing when they are equal) and the sum the labels call for.
 */
final class SinkScores {

    static final String SUBSCRIPTION = "ai-cooperation";

    int alerts;
    int cooperationEvents;
    int cooperationEventsAlerted;
    int alertsOnOtherEvents;
    /** Per aggregate: the sum of the counts on its topic, from the classified records, from the labels (-1: none). */
    final Map<Dimension, long[]> aggregates = new EnumMap<>(Dimension.class);
    /** Every aggregate record whose count differs from what the classified records call for. */
    final List<String> aggregateMismatches = new ArrayList<>();

    SinkScores(LiveOutput output) {
        Map<String, SampleAnnouncement> byId = output.set().items().stream()
                .collect(Collectors.toMap(SampleAnnouncement::id, item -> item));
        List<SampleAnnouncement> originals = output.set().items().stream()
                .filter(item -> item.expect().duplicateOf() == null && output.firstSeen().containsKey(item.id()))
                .toList();
        Set<String> events = originals.stream().filter(item -> item.expect().aiCooperation())
                .map(item -> item.expect().story()).collect(Collectors.toSet());
        Set<String> alerted = new HashSet<>();
        for (Alert alert : output.alerts()) {
            if (alert.subscriptionId().equals(SUBSCRIPTION)) {
                alerts++;
                String story = byId.get(output.itemOfId().get(alert.announcementId())).expect().story();
                if (events.contains(story)) {
                    alerted.add(story);
                } else {
                    alertsOnOtherEvents++;
                }
            }
        }
        cooperationEvents = events.size();
        cooperationEventsAlerted = alerted.size();
        for (Dimension aggregate : Dimension.values()) {
            String name = aggregate.aggregateName(Granularity.DAILY);
            Map<String, Long> onTopic = output.aggregates().getOrDefault(name, Map.of());
            Map<String, Long> expected = expectedCounts(aggregate, output);
            Set<String> keys = new TreeSet<>(expected.keySet());
            keys.addAll(onTopic.keySet());
            for (String key : keys) {
                long counted = onTopic.getOrDefault(key, 0L);
                long owed = expected.getOrDefault(key, 0L);
                if (counted != owed) {
                    aggregateMismatches.add(name + " " + key + ": " + counted + " on the topic, "
                            + owed + " from the records");
                }
            }
            long fromLabels = aggregate == Dimension.PAIRS ? -1
                    : originals.stream().mapToLong(item -> labelled(aggregate, item)).sum();
            aggregates.put(aggregate, new long[] {sum(onTopic), sum(expected), fromLabels});
        }
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The count the sink owes each {@code <key>@<window start>} record: the classified records' keys, in windows of
     * their publication time.
     */
    private static Map<String, Long> expectedCounts(Dimension aggregate, LiveOutput output) {
        long window = output.window().toMillis();
        Map<String, Long> counts = new HashMap<>();
        for (ClassifiedAnnouncement c : output.firstSeen().values()) {
            long published = PublicationTimeExtractor.eventTime(c.publishedAt(), c.fetchedAt(), -1);
            Instant start = Instant.ofEpochMilli(published - Math.floorMod(published, window));
            aggregate.keysOf(c).forEach(key -> counts.merge(key + "@" + start, 1L, Long::sum));
        }
        return counts;
    }

    /** How many keys the labels give an item in an aggregate (the labels do not list pairs). */
    private static long labelled(Dimension aggregate, SampleAnnouncement item) {
        SampleAnnouncement.Expect e = item.expect();
        return switch (aggregate) {
            case ACTORS -> e.countries().size() + e.groups().size() + e.organisations().size() + e.people().size();
            case THEMES -> e.themes().size();
            case COUNTRIES -> e.countries().size();
            case COUNTRY_THEMES -> (long) e.countries().size() * e.themes().size();
            case SOURCES -> 1;
            case PAIRS -> 0;
        };
    }
}
