package io.newsmonitor.sink.aggregates;

import io.newsmonitor.model.AggregateCount;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts announcements per dimension key in hourly and daily tumbling windows of event time (publication time), with
 * the latest few ids of each window, and forwards every new count as the {@link AggregateCount} of its aggregate
 * ({@code actors.hourly}, ...). Input: one record per (announcement, dimension key), keyed {@link #storeKey}, the
 * announcement id as value, the event time as timestamp; a key is counted by one task, whatever the announcement's
 * partition, since the records were regrouped by key.
 *
 * <p>A record later than its window's end plus {@code grace} (by stream time) is not counted in that window, with one
 * log line; it may still count in the longer window. Counts are exact under exactly-once: the stores and the output
 * commit with the input offsets, so a replayed input is not counted twice.
 */
public final class AggregatesProcessor implements Processor<String, String, String, AggregateCount> {

    private static final Logger LOG = LoggerFactory.getLogger(AggregatesProcessor.class);
    private static final String SEPARATOR = "|";

    private final Duration grace;
    private final Map<Granularity, WindowStore<String, Tally>> stores = new EnumMap<>(Granularity.class);
    private ProcessorContext<String, AggregateCount> context;

    /** @param grace how late, after its window ended, an announcement is still counted */
    public AggregatesProcessor(Duration grace) {
        this.grace = grace;
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

    /** The store key of a dimension key: {@code actors|FR}, {@code country-themes|FR|regulation}. */
    public static String storeKey(Dimension dimension, String key) {
        return dimension.id() + SEPARATOR + key;
    }

    @Override
    public void init(ProcessorContext<String, AggregateCount> context) {
        this.context = context;
        for (Granularity g : Granularity.values()) {
            stores.put(g, context.getStateStore(g.storeName()));
        }
    }

    @Override
    public void process(Record<String, String> record) {
        String storeKey = record.key();
        int separator = storeKey.indexOf(SEPARATOR);
        Dimension dimension = Dimension.of(storeKey.substring(0, separator));
        String key = storeKey.substring(separator + 1);
        for (Granularity g : Granularity.values()) {
            count(g, dimension, key, record);
        }
    }

    private void count(Granularity g, Dimension dimension, String key, Record<String, String> record) {
        long start = g.windowStart(record.timestamp());
        long end = start + g.size().toMillis();
        if (end + grace.toMillis() <= context.currentStreamTimeMs()) {
            LOG.info("Announcement {} not counted for {} {} in the {} window from {}: it arrived after the grace "
                    + "period", record.value(), dimension.id(), key, g.id(), Instant.ofEpochMilli(start));
            return;
        }
        WindowStore<String, Tally> store = stores.get(g);
        String storeKey = record.key();
        Tally before = store.fetch(storeKey, start);
        Tally after = (before == null ? Tally.empty() : before).plus(record.value(), record.timestamp());
        store.put(storeKey, after, start);
        AggregateCount count = new AggregateCount(dimension.aggregateName(g), key, Instant.ofEpochMilli(start),
                Instant.ofEpochMilli(end), after.count(), after.sampleIds());
        context.forward(record.withKey(count.recordKey()).withValue(count));
    }
}
