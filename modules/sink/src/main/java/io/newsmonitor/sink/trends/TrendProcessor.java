package io.newsmonitor.sink.trends;

import io.newsmonitor.json.JsonSerde;
import io.newsmonitor.model.AggregateCount;
import io.newsmonitor.model.Trend;
import io.newsmonitor.sink.aggregates.AggregatesProcessor;
import io.newsmonitor.sink.aggregates.Counted;
import io.newsmonitor.sink.aggregates.Dimension;
import io.newsmonitor.sink.aggregates.Granularity;
import io.newsmonitor.sink.aggregates.Pending;
import io.newsmonitor.sink.aggregates.Tally;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Finds the actors, themes and pairs far above their own baseline, from the hourly counts: the last 24 h (by event
 * time, the 24 hourly windows up to the stream's current hour) against the mean per 24 h of the 14 days before. A key
 * is trending when its recent count reaches {@code minCount} and its {@link TrendState#score() score} reaches
 * {@code threshold}.
 *
 * <p>Input: the hourly counts of those dimensions as {@link AggregatesProcessor} passes them on, once per flush, each
 * with how much its window grew since its previous update and the stream time it was counted at, and the end of each
 * flush. Each key keeps its hourly numbers in the store {@value #STATE} ({@link TrendHistory}), updated by those
 * growths, so a trend never reads 15 days of tallies; a key without one (new, forgotten, or stored by a former
 * version) has it rebuilt once from the hourly store, less what is still pending there. Output: a {@link Trend} keyed
 * {@code <dimension>/<key>} when a key is trending and its figures changed, and once with {@code trending=false} when
 * it stops; the latest per key is kept in the store {@value #STORE}. At the end of the first flush of a new hour of
 * stream time (the counting step flushes as the stream enters one), every trending key is evaluated again, so a trend
 * ends when its announcements leave the recent window even if no other comes. Everything follows event time: the
 * same input gives the same trends, whatever the wall clock; only how many announcements one update carries depends
 * on it.
 */
public final class TrendProcessor implements Processor<String, Counted, String, Trend> {

    /** The store of the latest trend per key, {@code <dimension>/<key>}. */
    public static final String STORE = "trends";
    /** The store of the hourly numbers each key's score is computed from. */
    public static final String STATE = "trend-state";
    /** The hourly history a trend reads: its 14-day baseline and the recent 24 h. */
    public static final Duration HISTORY = TrendWindow.HISTORY;
    /** The dimensions that trend. */
    public static final Set<Dimension> DIMENSIONS = Set.of(Dimension.ACTORS, Dimension.THEMES, Dimension.PAIRS);
    private static final Set<String> FOLLOWED = DIMENSIONS.stream()
            .map(d -> d.aggregateName(Granularity.HOURLY)).collect(Collectors.toUnmodifiableSet());
    private static final int SAMPLES = 5;

    private final int minCount;
    private final double threshold;
    private ProcessorContext<String, Trend> context;
    private WindowStore<String, Tally> hourly;
    private KeyValueStore<String, Pending> pending;
    private KeyValueStore<String, TrendHistory> states;
    private KeyValueStore<String, Trend> trends;
    private long sweptHour = Long.MIN_VALUE;

    /**
     * @param minCount  fewest announcements in the recent window for a trend
     * @param threshold lowest score for a trend
     */
    public TrendProcessor(int minCount, double threshold) {
        this.minCount = minCount;
        this.threshold = threshold;
    }

    /** The stores of this processor (it also reads the hourly aggregate store and the pending store). */
    public static List<StoreBuilder<?>> storeBuilders() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        TrendSerde.serde(JsonSerde.of(Trend.class))),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE), Serdes.String(),
                        TrendHistorySerde.serde()).withCachingEnabled());
    }

    /** Whether an output of the counting step feeds trends: an hourly count of a dimension that trends, or a flush. */
    public static boolean follows(Counted counted) {
        return !(counted instanceof Counted.Update update) || FOLLOWED.contains(update.count().aggregate());
    }

    @Override
    public void init(ProcessorContext<String, Trend> context) {
        this.context = context;
        this.hourly = context.getStateStore(Granularity.HOURLY.storeName());
        this.pending = context.getStateStore(AggregatesProcessor.PENDING);
        this.states = context.getStateStore(STATE);
        this.trends = context.getStateStore(STORE);
        // A task revived after an aborted transaction is initialised again with its stores rolled back: sweep again.
        this.sweptHour = Long.MIN_VALUE;
    }

    @Override
    public void process(Record<String, Counted> record) {
        if (record.value() instanceof Counted.Update update) {
            count(update, record.timestamp());
        } else {
            sweep(record.value().streamTime());
        }
    }

    private void count(Counted.Update update, long time) {
        AggregateCount count = update.count();
        Dimension dimension = Dimension.of(count.aggregate().substring(0, count.aggregate().indexOf('.')));
        TrendWindow window = TrendWindow.at(update.streamTime());
        String trendKey = trendKey(dimension, count.key());
        TrendHistory history = history(dimension, count.key(), window)
                .plus(count.windowStart().toEpochMilli(), update.delta(), window);
        states.put(trendKey, history);
        evaluate(dimension, count.key(), history.at(window), time);
    }

    /** The key of a trend: {@code actors/FR}, {@code pairs/AL+FR}. */
    public static String trendKey(Dimension dimension, String key) {
        return dimension.id() + "/" + key;
    }

    private TrendHistory history(Dimension dimension, String key, TrendWindow window) {
        TrendHistory history = states.get(trendKey(dimension, key));
        return history != null ? history : rebuilt(AggregatesProcessor.storeKey(dimension, key), window);
    }

    /**
     * A key's history as the hourly store holds it, less the growth still pending there (it reaches this processor
     * as updates, now or at the next flush).
     */
    private TrendHistory rebuilt(String storeKey, TrendWindow window) {
        TreeMap<Long, Long> counted = new TreeMap<>();
        try (WindowStoreIterator<Tally> buckets = hourly.fetch(storeKey, window.baselineStart(), window.hour())) {
            while (buckets.hasNext()) {
                KeyValue<Long, Tally> bucket = buckets.next();
                Pending notYet = pending.get(AggregatesProcessor.pendingKey(storeKey, Granularity.HOURLY,
                        bucket.key));
                long delivered = bucket.value.count() - (notYet == null ? 0 : notYet.delta());
                if (delivered > 0) {
                    counted.put(bucket.key, delivered);
                }
            }
        }
        return new TrendHistory(counted);
    }

    /** Writes the trend when the key is trending and its figures changed, or when it stops trending. */
    private void evaluate(Dimension dimension, String key, TrendState state, long time) {
        String trendKey = trendKey(dimension, key);
        double score = rounded(state.score());
        boolean trending = state.count() >= minCount && score >= threshold;
        Trend previous = trends.get(trendKey);
        if (!trending && (previous == null || !previous.trending())) {
            return;
        }
        TrendWindow window = new TrendWindow(state.hour());
        Trend trend = new Trend(dimension.id(), key, Instant.ofEpochMilli(window.recentStart()),
                Instant.ofEpochMilli(window.recentEnd()), state.count(), rounded(state.mean()), score, trending,
                samples(AggregatesProcessor.storeKey(dimension, key), window));
        if (!trend.equals(previous)) {
            trends.put(trendKey, trend);
            context.forward(new Record<>(trendKey, trend, time));
        }
    }

    /** The latest announcements of the recent window. */
    private List<String> samples(String storeKey, TrendWindow window) {
        List<String> samples = new ArrayList<>();
        try (WindowStoreIterator<Tally> newestFirst = hourly.backwardFetch(storeKey, window.recentStart(),
                window.hour())) {
            while (newestFirst.hasNext() && samples.size() < SAMPLES) {
                List<String> ids = newestFirst.next().value.sampleIds();
                samples.addAll(ids.subList(0, Math.min(ids.size(), SAMPLES - samples.size())));
            }
        }
        return samples;
    }

    /**
     * Once per hour of stream time, at the end of the flush that entered it: evaluates every trending key at the new
     * hour (ending those whose announcements left the recent window) and forgets the histories the window no longer
     * reaches.
     */
    private void sweep(long streamTime) {
        TrendWindow window = TrendWindow.at(streamTime);
        if (window.hour() <= sweptHour) {
            return;
        }
        sweptHour = window.hour();
        for (Trend trend : trending()) {
            Dimension dimension = Dimension.of(trend.dimension());
            TrendHistory history = history(dimension, trend.key(), window).plus(window.hour(), 0, window);
            states.put(trendKey(dimension, trend.key()), history);
            evaluate(dimension, trend.key(), history.at(window), streamTime);
        }
        forgetHistories(window);
    }

    private List<Trend> trending() {
        List<Trend> trending = new ArrayList<>();
        try (KeyValueIterator<String, Trend> all = trends.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.trending()) {
                    trending.add(entry.value);
                }
            });
        }
        return trending;
    }

    private void forgetHistories(TrendWindow window) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, TrendHistory> all = states.all()) {
            while (all.hasNext()) {
                KeyValue<String, TrendHistory> entry = all.next();
                if (entry.value == null || entry.value.endsBefore(window)) {
                    old.add(entry.key);
                }
            }
        }
        old.forEach(states::delete);
    }

    private static double rounded(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
