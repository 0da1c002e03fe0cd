package io.newsmonitor.sink.aggregates;

import io.newsmonitor.model.AggregateCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts announcements per dimension key in hourly and daily tumbling windows of event time (publication time), with
 * the latest few ids of each window, and passes on the new count of every window it changed as the
 * {@link AggregateCount} of its aggregate ({@code actors.hourly}, ...), once per flush. Input: one record per
 * (announcement, dimension key), keyed {@link #storeKey}, the announcement id as value, the event time as timestamp; a
 * key is counted by one task, whatever the announcement's partition, since the records were regrouped by key.
 *
 * <p>Why flushes: an announcement changes about ten keys in two windows each, and a busy key (a country, a source)
 * changes with most announcements; writing every change made twenty records per announcement and was the sink's
 * largest cost. Each record still updates the window stores, and marks its windows in the pending store
 * {@value #PENDING} with how much they grew; every {@code emitInterval} of wall-clock time, and whenever the stream
 * enters a new hour, the pending windows are written once each ({@link Counted.Update}, with that growth for the
 * trends' running sums), then a {@link Counted.Flushed}. The pending store is changelogged, so under exactly-once a
 * commit between a count and its flush loses nothing: after a failure the stores, the pending marks and the input
 * offsets roll back together. The aggregate topics are compacted, so their readers see the same final counts.
 *
 * <p>A record later than its window's end plus {@code grace} (by stream time) is not counted in that window, with one
 * log line; it may still count in the longer window. Counts are exact under exactly-once: the stores and the output
 * commit with the input offsets, so a replayed input is not counted twice.
 */
public final class AggregatesProcessor implements Processor<String, String, String, Counted> {

    /** The store of the windows changed since the last flush. */
    public static final String PENDING = "aggregates-pending";

    private static final Logger LOG = LoggerFactory.getLogger(AggregatesProcessor.class);
    private static final String SEPARATOR = "|";
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final Duration grace;
    private final Duration emitInterval;
    private final Map<Granularity, WindowStore<String, Tally>> stores = new EnumMap<>(Granularity.class);
    private ProcessorContext<String, Counted> context;
    private KeyValueStore<String, Pending> pending;
    /** The stream time of the latest record counted, or {@link #UNKNOWN} before the first since nothing was pending. */
    private long countedUntil;

    /**
     * @param grace        how late, after its window ended, an announcement is still counted
     * @param emitInterval how often, in wall-clock time, the changed windows are written
     */
    public AggregatesProcessor(Duration grace, Duration emitInterval) {
        this.grace = grace;
        this.emitInterval = emitInterval;
    }

    /**
     * The window store of one granularity, keeping each window long enough to count late arrivals within
     * {@code grace}, to answer queries {@code queryRetention} back, and (hourly) to hold a trend's 15 days.
     */
    public static StoreBuilder<WindowStore<String, Tally>> storeBuilder(Granularity granularity, Duration grace,
                                                                        Duration minimumHistory) {
        Duration history = grace.compareTo(minimumHistory) > 0 ? grace : minimumHistory;
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(granularity.storeName(),
                        history.plus(granularity.size()), granularity.size(), false),
                Serdes.String(), TallySerde.serde()).withCachingEnabled();
    }

    /**
     * The pending store: in memory, small (the windows changed within one emit interval), changelogged, and cached
     * so that a busy window's many marks between two commits cost one changelog record.
     */
    public static StoreBuilder<KeyValueStore<String, Pending>> pendingStoreBuilder() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING), Serdes.String(), Pending.serde())
                .withCachingEnabled();
    }

    /** The store key of a dimension key: {@code actors|FR}, {@code country-themes|FR|regulation}. */
    public static String storeKey(Dimension dimension, String key) {
        return dimension.id() + SEPARATOR + key;
    }

    /**
     * The key of a window in the pending store, {@code actors|FR|hourly|1770710400000}: by store key first, so that a
     * flush writes the windows of one key together.
     */
    public static String pendingKey(String storeKey, Granularity granularity, long windowStart) {
        return storeKey + SEPARATOR + granularity.id() + SEPARATOR + windowStart;
    }

    @Override
    public void init(ProcessorContext<String, Counted> context) {
        this.context = context;
        for (Granularity g : Granularity.values()) {
            stores.put(g, context.getStateStore(g.storeName()));
        }
        this.pending = context.getStateStore(PENDING);
        // A task restored or revived with windows still pending resumes at the stream time they were counted at.
        this.countedUntil = latestPending();
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    @Override
    public void process(Record<String, String> record) {
        long now = context.currentStreamTimeMs();
        boolean newHour = countedUntil == UNKNOWN || Math.floorDiv(now, HOUR) > Math.floorDiv(countedUntil, HOUR);
        if (newHour) {
            // The previous hour's counts are passed on at that hour, as the trends would have seen them one by one.
            flush();
        }
        String storeKey = record.key();
        int separator = storeKey.indexOf(SEPARATOR);
        Dimension dimension = Dimension.of(storeKey.substring(0, separator));
        String key = storeKey.substring(separator + 1);
        for (Granularity g : Granularity.values()) {
            count(g, dimension, key, record, now);
        }
        countedUntil = Math.max(countedUntil, now);
        if (newHour) {
            // The first record of an hour is passed on at once, so the trends enter the hour with it counted.
            flush();
        }
    }

    private void count(Granularity g, Dimension dimension, String key, Record<String, String> record, long now) {
        long start = g.windowStart(record.timestamp());
        long end = start + g.size().toMillis();
        if (end + grace.toMillis() <= now) {
            LOG.info("Announcement {} not counted for {} {} in the {} window from {}: it arrived after the grace "
                    + "period", record.value(), dimension.id(), key, g.id(), Instant.ofEpochMilli(start));
            return;
        }
        WindowStore<String, Tally> store = stores.get(g);
        String storeKey = record.key();
        Tally before = store.fetch(storeKey, start);
        store.put(storeKey, (before == null ? Tally.empty() : before).plus(record.value(), record.timestamp()), start);
        String pendingKey = pendingKey(storeKey, g, start);
        Pending marked = pending.get(pendingKey);
        pending.put(pendingKey, marked == null ? Pending.first(record.timestamp(), now)
                : marked.plus(record.timestamp(), now));
    }

    /**
     * Passes on the count of every pending window, clears the pending store, then passes on the end of the flush.
     * Nothing when nothing was counted since the task started.
     */
    private void flush() {
        if (countedUntil == UNKNOWN) {
            return;
        }
        List<KeyValue<String, Pending>> changed = new ArrayList<>();
        try (KeyValueIterator<String, Pending> all = pending.all()) {
            all.forEachRemaining(changed::add);
        }
        for (KeyValue<String, Pending> window : changed) {
            update(window.key, window.value);
        }
        // Only now: the trends subtract what is still pending when they rebuild a key's history (TrendProcessor).
        changed.forEach(window -> pending.delete(window.key));
        context.forward(new Record<>("", new Counted.Flushed(countedUntil), countedUntil));
    }

    private void update(String pendingKey, Pending change) {
        int startAt = pendingKey.lastIndexOf(SEPARATOR);
        int granularityAt = pendingKey.lastIndexOf(SEPARATOR, startAt - 1);
        String storeKey = pendingKey.substring(0, granularityAt);
        Granularity g = Granularity.of(pendingKey.substring(granularityAt + 1, startAt));
        long start = Long.parseLong(pendingKey.substring(startAt + 1));
        Tally tally = stores.get(g).fetch(storeKey, start);
        if (tally == null) {
            // Its window left the store's retention since it was counted: nothing left to write.
            return;
        }
        int separator = storeKey.indexOf(SEPARATOR);
        Dimension dimension = Dimension.of(storeKey.substring(0, separator));
        String key = storeKey.substring(separator + 1);
        AggregateCount count = new AggregateCount(dimension.aggregateName(g), key, Instant.ofEpochMilli(start),
                Instant.ofEpochMilli(start + g.size().toMillis()), tally.count(), tally.sampleIds());
        context.forward(new Record<>(count.recordKey(), new Counted.Update(count, change.delta(),
                change.streamTime()), change.latestTime()));
    }

    private long latestPending() {
        long latest = UNKNOWN;
        try (KeyValueIterator<String, Pending> all = pending.all()) {
            while (all.hasNext()) {
                latest = Math.max(latest, all.next().value.streamTime());
            }
        }
        return latest;
    }
}
