package io.newsmonitor.sink.alerts;

import io.newsmonitor.model.ClassifiedAnnouncement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjLongConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A task's recent announcements by event time (publication time), for backfills: keyed
 * {@code <event time, 19 digits>/<announcement id>} so that a range of keys is a period, in time order.
 */
final class RecentStories {

    private final KeyValueStore<String, ClassifiedAnnouncement> store;

    RecentStories(KeyValueStore<String, ClassifiedAnnouncement> store) {
        this.store = store;
    }

    /** Keeps an announcement under its event time. */
    void put(long eventTime, ClassifiedAnnouncement a) {
        store.put(key(eventTime, a.id()), a);
    }

    /** Each announcement of event time {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    void forEachBetween(long from, long to, ObjLongConsumer<ClassifiedAnnouncement> action) {
        try (KeyValueIterator<String, ClassifiedAnnouncement> range = store.range(key(Math.max(0, from), ""),
                key(Math.max(0, to), ""))) {
            while (range.hasNext()) {
                KeyValue<String, ClassifiedAnnouncement> entry = range.next();
                long time = timeOf(entry.key);
                if (time < to) {
                    action.accept(entry.value, time);
                }
            }
        }
    }

    /** Forgets the announcements of event time before {@code horizon}. */
    void purgeBefore(long horizon) {
        if (horizon <= 0) {
            return;
        }
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ClassifiedAnnouncement> range = store.range(key(0, ""), key(horizon, ""))) {
            range.forEachRemaining(entry -> {
                if (timeOf(entry.key) < horizon) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(store::delete);
    }

    private static String key(long eventTime, String id) {
        return String.format("%019d/%s", eventTime, id);
    }

    private static long timeOf(String key) {
        return Long.parseLong(key.substring(0, key.indexOf('/')));
    }
}
