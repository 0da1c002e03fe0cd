package io.newsmonitor.app.quality;

import io.newsmonitor.model.Alert;
import io.newsmonitor.samples.SampleAnnouncement;
import io.newsmonitor.sink.aggregates.Aggregate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    final Map<Aggregate, long[]> aggregates = new EnumMap<>(Aggregate.class);

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
        for (Aggregate aggregate : Aggregate.values()) {
            long onTopic = output.aggregates().getOrDefault(aggregate.topicName(), Map.of())
                    .values().stream().mapToLong(Long::longValue).sum();
            long fromRecords = output.firstSeen().values().stream()
                    .mapToLong(c -> aggregate.keysOf(c).size()).sum();
            long fromLabels = aggregate == Aggregate.PAIRS ? -1
                    : originals.stream().mapToLong(item -> labelled(aggregate, item)).sum();
            aggregates.put(aggregate, new long[] {onTopic, fromRecords, fromLabels});
        }
    }

    /** How many keys the labels give an item in an aggregate (the labels do not list pairs). */
    private static long labelled(Aggregate aggregate, SampleAnnouncement item) {
        SampleAnnouncement.Expect e = item.expect();
        return switch (aggregate) {
            case ACTORS -> e.countries().size() + e.groups().size() + e.organisations().size() + e.people().size();
            case THEMES -> e.themes().size();
            case AI_COOPERATION_COUNTRIES -> e.aiCooperation()
                    ? e.parties().stream().filter(e.countries()::contains).count() : 0;
            case PAIRS -> 0;
        };
    }
}
