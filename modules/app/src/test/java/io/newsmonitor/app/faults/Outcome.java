package io.newsmonitor.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Duplicate;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.rules.CompiledRule;
import io.newsmonitor.rules.Rules;
import io.newsmonitor.sink.aggregates.Dimension;
import io.newsmonitor.sink.aggregates.Granularity;
import io.newsmonitor.streams.PublicationTimeExtractor;
import io.newsmonitor.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a pipeline has committed on its output topics, read as a subscriber reads them: every key of
 * {@code classified}, {@code duplicates} and {@code alerts} as often as it appears, the alerts (without the time they
 * were raised, which differs from run to run), and the latest value of every aggregate count.
 *
 * @param classified the classified announcements, one per record
 * @param duplicates the records of the duplicates topic
 * @param alertRecords the records of the alerts topic
 * @param alerts the alerts by key, {@code alertedAt} cleared
 * @param aggregates the latest count by {@code <aggregate>/<key>@<window start>}
 */
record Outcome(List<ConsumerRecord<String, ClassifiedAnnouncement>> classified,
               List<ConsumerRecord<String, Duplicate>> duplicates, List<ConsumerRecord<String, Alert>> alertRecords,
               Map<String, Alert> alerts, Map<String, Long> aggregates) {

    private static final Duration DAY = Duration.ofDays(1);

    static Outcome read(String bootstrapServers, Topics topics) {
        List<ConsumerRecord<String, Alert>> alerts = TopicReader.readAll(bootstrapServers, topics.alerts());
        Map<String, Long> aggregates = new TreeMap<>();
        for (Dimension dimension : Dimension.values()) {
            String name = dimension.aggregateName(Granularity.DAILY);
            TopicReader.readAll(bootstrapServers, topics.aggregate(name))
                    .forEach(r -> aggregates.put(name + "/" + r.key(), r.value().count()));
        }
        return new Outcome(TopicReader.readAll(bootstrapServers, topics.classified()),
                TopicReader.readAll(bootstrapServers, topics.duplicates()), alerts,
                alerts.stream().collect(Collectors.toMap(ConsumerRecord::key, r -> undated(r.value()),
                        (first, second) -> first, TreeMap::new)), aggregates);
    }

    List<String> classifiedIds() {
        return keys(classified);
    }

    /** Raw ids found in neither {@code classified} nor {@code duplicates}. */
    Set<String> lost(Collection<String> rawIds) {
        Set<String> lost = new HashSet<>(rawIds);
        lost.removeAll(classifiedIds());
        lost.removeAll(keys(duplicates));
        return lost;
    }

    /**
     * Records beyond the first of their key: an id twice in {@code classified} or {@code duplicates}, or once in
     * each, and an alert key twice.
     */
    long duplicated() {
        return repeated().size();
    }

    /**
     * Every record whose key was already seen, as {@code topic-partition@offset key (first at topic-partition@offset)}:
     * what a failed run names, so that the writer of the second record can be found in the role logs.
     */
    List<String> repeated() {
        List<String> repeated = new ArrayList<>();
        Map<String, ConsumerRecord<String, ?>> firstOfId = new HashMap<>();
        Stream.concat(classified.stream(), duplicates.stream()).forEach(r -> noteRepeat(firstOfId, r, repeated));
        Map<String, ConsumerRecord<String, ?>> firstOfAlert = new HashMap<>();
        alertRecords.forEach(r -> noteRepeat(firstOfAlert, r, repeated));
        return repeated;
    }

    private static void noteRepeat(Map<String, ConsumerRecord<String, ?>> first, ConsumerRecord<String, ?> r,
                                   List<String> repeated) {
        ConsumerRecord<String, ?> earlier = first.putIfAbsent(r.key(), r);
        if (earlier != null) {
            repeated.add(place(r) + " " + r.key() + " (first at " + place(earlier) + ")");
        }
    }

    private static String place(ConsumerRecord<?, ?> r) {
        return r.topic() + "-" + r.partition() + "@" + r.offset();
    }

    /** Whether every raw id has its outcome, and alerts and aggregates hold (at least) what is expected. */
    boolean reached(Collection<String> rawIds, Set<String> expectedAlertKeys, Map<String, Long> expectedAggregates) {
        return lost(rawIds).isEmpty() && alerts.keySet().containsAll(expectedAlertKeys)
                && aggregates.equals(expectedAggregates);
    }

    /**
     * What a disturbed run must show against the undisturbed one of the same input: every raw id with exactly one
     * outcome, nothing twice, and the same first-seen announcements, alerts and aggregate counts.
     */
    void assertSameAs(Outcome undisturbed, Collection<String> rawIds) {
        assertThat(lost(rawIds)).as("raw ids in neither classified nor duplicates").isEmpty();
        assertThat(repeated()).as("records twice on classified, duplicates or alerts").isEmpty();
        assertThat(new HashSet<>(classifiedIds())).isEqualTo(new HashSet<>(undisturbed.classifiedIds()));
        assertThat(alerts).isEqualTo(undisturbed.alerts());
        assertThat(aggregates).isEqualTo(undisturbed.aggregates());
    }

    /**
     * The alert keys the subscriptions call for, computed from the classified announcements alone: one per story and
     * matching subscription, keyed by the first matching write-up (a story's write-ups are on one partition).
     */
    Set<String> expectedAlertKeys(List<Subscription> subscriptions, Rules rules) {
        List<CompiledRule> compiled = subscriptions.stream().map(rules::compile).toList();
        Map<String, String> firstByStory = new HashMap<>();
        for (ConsumerRecord<String, ClassifiedAnnouncement> r : classified) {
            ClassifiedAnnouncement a = r.value();
            compiled.stream().filter(rule -> rule.evaluate(a).isPresent()).map(rule -> rule.subscription().id())
                    .forEach(id -> firstByStory.putIfAbsent(id + "/" + a.storyId(), id + "/" + a.id()));
        }
        return new HashSet<>(firstByStory.values());
    }

    /** The aggregate counts the classified announcements call for: per key and UTC day of event time. */
    Map<String, Long> expectedAggregates() {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, ConsumerRecord<String, ClassifiedAnnouncement>> firstOfEachId = new LinkedHashMap<>();
        classified.forEach(r -> firstOfEachId.putIfAbsent(r.key(), r));
        for (ConsumerRecord<String, ClassifiedAnnouncement> r : firstOfEachId.values()) {
            ClassifiedAnnouncement a = r.value();
            long eventTime = PublicationTimeExtractor.eventTime(a.publishedAt(), a.fetchedAt(), r.timestamp());
            Instant window = Instant.ofEpochMilli(eventTime - Math.floorMod(eventTime, DAY.toMillis()));
            for (Dimension dimension : Dimension.values()) {
                String name = dimension.aggregateName(Granularity.DAILY);
                dimension.keysOf(a).forEach(key -> counts.merge(name + "/" + key + "@" + window, 1L, Long::sum));
            }
        }
        return counts;
    }

    private static <K, V> List<K> keys(List<ConsumerRecord<K, V>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    private static Alert undated(Alert a) {
        return new Alert(a.alertId(), a.kind(), a.subscriptionId(), a.announcementId(), a.storyId(), a.title(),
                a.url(), a.sourceId(), a.language(), a.publishedAt(), null, a.actors(), a.themes(), a.aiCooperation(),
                a.parties(), a.reasons());
    }
}
