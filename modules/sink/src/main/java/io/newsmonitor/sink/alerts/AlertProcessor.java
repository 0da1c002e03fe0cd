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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises an alert for every subscription an announcement matches, once per story: a story reported by seven sources
 * alerts each subscriber once. Input is keyed by story id, so that every write-up of a story reaches the same task;
 * the subscriptions come from a global store, so that every task sees all of them.
 *
 * <p>The memory of alerted stories ages by event time (publication time, see {@code PublicationTimeExtractor}), not
 * by the wall clock: a story is forgotten once the stream has moved {@code memory} past its latest write-up. A
 * write-up older than that horizon is not alerted, since whether it was alerted is no longer known; the processor
 * keeps such items off the classified topic in the first place. So a replay, a backlog or an old item seen again
 * after a pause cannot alert twice.
 *
 * <p>One subscription that cannot be evaluated is skipped for that announcement, with one log line; the others
 * still alert.
 */
public final class AlertProcessor implements Processor<String, ClassifiedAnnouncement, String, Alert> {

    private static final Logger LOG = LoggerFactory.getLogger(AlertProcessor.class);

    public static final String SUBSCRIPTIONS = "subscriptions";
    public static final String ALERTED = "alerted-stories";
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final Duration memory;
    private final AlertMetrics metrics;
    private ProcessorContext<String, Alert> context;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<Subscription>> subscriptions;
    private KeyValueStore<String, Long> alerted;

    /**
     * @param memory  how long, in event time, a story is remembered as alerted
     * @param metrics where alerts are counted
     */
    public AlertProcessor(Duration memory, AlertMetrics metrics) {
        this.memory = memory;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.subscriptions = context.getStateStore(SUBSCRIPTIONS);
        this.alerted = context.getStateStore(ALERTED);
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::purge);
    }

    @Override
    public void process(Record<String, ClassifiedAnnouncement> record) {
        ClassifiedAnnouncement a = record.value();
        long eventTime = record.timestamp();
        if (eventTime < horizon()) {
            LOG.info("Announcement {} not alerted: its time {} is older than the alert memory", a.id(),
                    Instant.ofEpochMilli(eventTime));
            return;
        }
        long now = context.currentSystemTimeMs();
        try (KeyValueIterator<String, ValueAndTimestamp<Subscription>> all = subscriptions.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<Subscription>> entry = all.next();
                Subscription s = entry.value == null ? null : entry.value.value();
                if (s != null && matches(s, a)) {
                    alertOnce(record, s, eventTime, now);
                }
            }
        }
    }

    private static boolean matches(Subscription s, ClassifiedAnnouncement a) {
        try {
            return Matching.matches(s, a);
        } catch (RuntimeException e) {
            LOG.warn("Subscription {} skipped for announcement {}: {}", s.id(), a.id(), e.toString());
            return false;
        }
    }

    /**
     * Alerts unless the story was alerted for this subscription; either way the story is remembered up to its latest
     * write-up. The alert record carries the time it was raised, so that the alerts topic's retention counts from
     * then, not from a publication date that may be long past.
     */
    private void alertOnce(Record<String, ClassifiedAnnouncement> record, Subscription s, long eventTime, long now) {
        ClassifiedAnnouncement a = record.value();
        String storyKey = s.id() + "/" + a.storyId();
        Long remembered = alerted.get(storyKey);
        if (remembered == null) {
            Alert alert = Matching.alert(s, a, Instant.ofEpochMilli(now));
            context.forward(record.withKey(alert.key()).withValue(alert).withTimestamp(now));
            metrics.alerted(s.id(), a, Instant.ofEpochMilli(now));
        }
        if (remembered == null || remembered < eventTime) {
            alerted.put(storyKey, eventTime);
        }
    }

    private long horizon() {
        long streamTime = context.currentStreamTimeMs();
        return streamTime == Long.MIN_VALUE ? Long.MIN_VALUE : streamTime - memory.toMillis();
    }

    private void purge(long streamTime) {
        long horizon = streamTime - memory.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = alerted.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value < horizon) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(alerted::delete);
    }
}
