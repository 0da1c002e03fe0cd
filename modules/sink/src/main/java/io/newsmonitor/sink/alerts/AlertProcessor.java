package io.newsmonitor.sink.alerts;

import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Raises an alert for every subscription an announcement matches, once per story: a story reported by seven sources
 * alerts each subscriber once. Input is keyed by story id, so that every write-up of a story reaches the same task;
 * the subscriptions come from a global store, so that every task sees all of them.
 */
public final class AlertProcessor implements Processor<String, ClassifiedAnnouncement, String, Alert> {

    public static final String SUBSCRIPTIONS = "subscriptions";
    public static final String ALERTED = "alerted-stories";
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final Duration memory;
    private ProcessorContext<String, Alert> context;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<Subscription>> subscriptions;
    private KeyValueStore<String, Long> alerted;

    /** @param memory how long a story is remembered as alerted */
    public AlertProcessor(Duration memory) {
        this.memory = memory;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.subscriptions = context.getStateStore(SUBSCRIPTIONS);
        this.alerted = context.getStateStore(ALERTED);
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(Record<String, ClassifiedAnnouncement> record) {
        ClassifiedAnnouncement a = record.value();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        try (KeyValueIterator<String, ValueAndTimestamp<Subscription>> all = subscriptions.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<Subscription>> entry = all.next();
                Subscription s = entry.value == null ? null : entry.value.value();
                if (s == null || !s.matches(a)) {
                    continue;
                }
                String storyKey = s.id() + "/" + a.storyId();
                if (alerted.get(storyKey) == null) {
                    alerted.put(storyKey, now.toEpochMilli());
                    Alert alert = Alert.of(s, a, now);
                    context.forward(record.withKey(alert.key()).withValue(alert));
                }
            }
        }
    }

    private void purge(long now) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = alerted.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value < now - memory.toMillis()) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(alerted::delete);
    }
}
