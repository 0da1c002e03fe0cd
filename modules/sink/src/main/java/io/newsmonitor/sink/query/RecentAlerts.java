package io.newsmonitor.sink.query;

import io.newsmonitor.json.JsonSerde;
import io.newsmonitor.model.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps the recent alerts of the partitions of {@code newsmonitor.alerts} this instance reads, for the API, in the
 * store {@value #STORE}, keyed {@code <subscriptionId>/<time raised, 19 digits>/<announcementId>}: one subscription's
 * alerts are one key range, newest last, so that reading them newest first is a reverse range scan. Every alert is
 * kept, whoever wrote it (announcement matches and trends alike). They expire by the time they were raised (the
 * record time): once the stream has moved {@code retention} past an alert, it is deleted.
 */
public final class RecentAlerts implements Processor<String, Alert, Void, Void> {

    /** The store's name. */
    public static final String STORE = "recent-alerts";
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final Duration retention;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, Alert> store;

    /** @param retention how long after it was raised an alert is kept */
    public RecentAlerts(Duration retention) {
        this.retention = retention;
    }

    /** The store this processor fills. */
    public static StoreBuilder<KeyValueStore<String, Alert>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                JsonSerde.of(Alert.class));
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::purge);
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert alert = record.value();
        if (alert != null && record.timestamp() >= horizon(context.currentStreamTimeMs())) {
            store.put(key(alert.subscriptionId(), record.timestamp(), alert.announcementId()), alert);
        }
    }

    /** The key of an alert of a subscription raised at {@code time}. */
    static String key(String subscriptionId, long time, String announcementId) {
        return prefix(subscriptionId) + TimeKeys.of(time) + "/" + announcementId;
    }

    /** What every key of one subscription's alerts starts with. */
    static String prefix(String subscriptionId) {
        return subscriptionId + "/";
    }

    /** The time an alert was raised, read from its key. */
    static long timeOf(String key) {
        return TimeKeys.parse(key, key.indexOf('/') + 1);
    }

    private long horizon(long streamTime) {
        return streamTime == Long.MIN_VALUE ? Long.MIN_VALUE : streamTime - retention.toMillis();
    }

    private void purge(long streamTime) {
        long horizon = horizon(streamTime);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Alert> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Alert> entry = all.next();
                if (timeOf(entry.key) < horizon) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(store::delete);
    }
}
