package io.newsmonitor.sink.trends;

import io.newsmonitor.json.JsonSerde;
import io.newsmonitor.model.AggregateCount;
import io.newsmonitor.model.Trend;
import io.newsmonitor.sink.aggregates.AggregatesProcessor;
import io.newsmonitor.sink.aggregates.Dimension;
import io.newsmonitor.sink.aggregates.Granularity;
import io.newsmonitor.sink.aggregates.Tally;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Finds the actors, themes and pairs far above their own baseline, from the hourly counts: the last 24 h (by event
 * time, the 24 hourly windows up to the stream's current hour) against the mean per 24 h of the 14 days before. A key
 * is trending when its recent count reaches {@code minCount} and its {@link TrendState#score() score} reaches
 * {@code threshold}.
 *
 * <p>Input: every new hourly count of those dimensions, one per announcement counted (the counts in the hourly store
 * include it). The key's recent and baseline counts are updated in constant time, and recounted from the hourly store
 * when the stream enters a new hour. Output: a {@link Trend} keyed {@code <dimension>/<key>} when a key is trending
 * and its figures changed, and once with {@code trending=false} when it stops; the latest per key is kept in the
 * store {@value #STORE}. As stream time enters a new hour, every trending key is evaluated again, so a trend ends
 * when its announcements leave the recent window even if no other comes. Everything follows event time: the same
 * input gives the same trends, whatever the wall clock.
 */
public final class TrendProcessor implements Processor<String, AggregateCount, String, Trend> {

    /** The store of the latest trend per key, {@code <dimension>/<key>}. */
    public static final String STORE = "trends";
    /** The store of the counts each key's score is computed from. */
    public static final String STATE = "trend-state";
    /** The hourly history a trend reads: its 14-day baseline and the recent 24 h. */
    public static final Duration HISTORY = TrendWindow.HISTORY;
    /** The dimensions that trend. */
    public static final Set<Dimension> DIMENSIONS = Set.of(Dimension.ACTORS, Dimension.THEMES, Dimension.PAIRS);
    private static final Duration SWEEP_CHECK = Duration.ofMinutes(1);
    private static final int SAMPLES = 5;

    private final int minCount;
    private final double threshold;
    private ProcessorContext<String, Trend> context;
    private WindowStore<String, Tally> hourly;
    private KeyValueStore<String, TrendState> states;
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

    /** The stores of this processor (it also reads the hourly aggregate store). */
    public static List<StoreBuilder<?>> storeBuilders() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        JsonSerde.of(Trend.class)),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE), Serdes.String(),
                        JsonSerde.of(TrendState.class)));
    }

    /** Whether a count feeds trends: an hourly count of a dimension that trends. */
    public static boolean follows(AggregateCount count) {
        return DIMENSIONS.stream().anyMatch(d -> count.aggregate().equals(d.aggregateName(Granularity.HOURLY)));
    }

    @Override
    public void init(ProcessorContext<String, Trend> context) {
        this.context = context;
        this.hourly = context.getStateStore(Granularity.HOURLY.storeName());
        this.states = context.getStateStore(STATE);
        this.trends = context.getStateStore(STORE);
        // A task revived after an aborted transaction is initialised again with its stores rolled back: sweep again.
        this.sweptHour = Long.MIN_VALUE;
        context.schedule(SWEEP_CHECK, PunctuationType.STREAM_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, AggregateCount> record) {
        AggregateCount count = record.value();
        Dimension dimension = Dimension.of(count.aggregate().substring(0, count.aggregate().indexOf('.')));
        TrendWindow window = TrendWindow.at(context.currentStreamTimeMs());
        String trendKey = trendKey(dimension, count.key());
        TrendState state = states.get(trendKey);
        state = state != null && state.hour() == window.hour()
                ? state.plus(count.windowStart().toEpochMilli())
                : recount(dimension, count.key(), window);
        states.put(trendKey, state);
        evaluate(dimension, count.key(), state, record.timestamp());
    }

    /** The key of a trend: {@code actors/FR}, {@code pairs/AL+FR}. */
    public static String trendKey(Dimension dimension, String key) {
        return dimension.id() + "/" + key;
    }

    private TrendState recount(Dimension dimension, String key, TrendWindow window) {
        String storeKey = AggregatesProcessor.storeKey(dimension, key);
        return new TrendState(window.hour(), sum(storeKey, window.recentStart(), window.hour()),
                sum(storeKey, window.baselineStart(), window.baselineLast()));
    }

    private long sum(String storeKey, long firstBucket, long lastBucket) {
        long sum = 0;
        try (WindowStoreIterator<Tally> buckets = hourly.fetch(storeKey, firstBucket, lastBucket)) {
            while (buckets.hasNext()) {
                sum += buckets.next().value.count();
            }
        }
        return sum;
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
     * Once per hour of stream time: evaluates every trending key at the new hour (ending those whose announcements
     * left the recent window) and forgets the counts of keys the history no longer reaches.
     */
    private void sweep(long streamTime) {
        TrendWindow window = TrendWindow.at(streamTime);
        if (window.hour() <= sweptHour) {
            return;
        }
        sweptHour = window.hour();
        for (Trend trend : trending()) {
            Dimension dimension = Dimension.of(trend.dimension());
            TrendState state = recount(dimension, trend.key(), window);
            states.put(trendKey(dimension, trend.key()), state);
            evaluate(dimension, trend.key(), state, streamTime);
        }
        forgetStates(window.hour() - HISTORY.toMillis());
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

    private void forgetStates(long before) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, TrendState> all = states.all()) {
            while (all.hasNext()) {
                KeyValue<String, TrendState> entry = all.next();
                if (entry.value.hour() < before) {
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
