package io.newsmonitor.sink.topology;

import io.newsmonitor.model.AggregateCount;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.Trend;
import io.newsmonitor.sink.aggregates.AggregatesProcessor;
import io.newsmonitor.sink.aggregates.Counted;
import io.newsmonitor.sink.aggregates.Dimension;
import io.newsmonitor.sink.aggregates.Granularity;
import io.newsmonitor.sink.config.SinkConfig;
import io.newsmonitor.sink.trends.TrendAlertProcessor;
import io.newsmonitor.sink.trends.TrendProcessor;
import io.newsmonitor.sink.alerts.AlertPartitioner;
import io.newsmonitor.streams.StreamsTopics;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The aggregates and trends part of the sink topology:
 * <pre>
 * announcements ─▶ (dimension|key, id) ─▶ repartition "aggregates" ─▶ count hourly + daily
 *     ─▶ changed windows, once per flush ─▶ aggregates.&lt;name&gt;
 *                                         └▶ hourly actors, themes, pairs (+ their growth) ─▶ trends
 *                                              ─▶ trends topic, trend alerts ─▶ alerts
 * </pre>
 * Every dimension key of an announcement goes through one repartition topic (the id as value, the event time as
 * timestamp: a small record), so all six dimensions and both granularities cost one regrouping, and one task counts a
 * key in both window sizes, then scores its trend from the hourly counts it just updated, without another hop. The
 * changed windows are written once per flush ({@code sink.aggregates.emitInterval}), not once per announcement.
 */
public final class AggregatesTopology {

    /** The repartition topic's name, {@code <applicationId>-aggregates-repartition}. */
    public static final String REPARTITION = "aggregates";

    private AggregatesTopology() {
    }

    /**
     * Adds the aggregates and trends of {@code announcements} to {@code builder}.
     *
     * @param trendSubjects the trend keys a subscription names, for trend alerts
     */
    public static void addTo(StreamsBuilder builder, KStream<String, ClassifiedAnnouncement> announcements,
                             SinkConfig config, Topics topics, Function<Subscription, Set<String>> trendSubjects) {
        builder.addStateStore(AggregatesProcessor.storeBuilder(Granularity.HOURLY, config.grace(),
                longest(config.queryRetention(), TrendProcessor.HISTORY)));
        builder.addStateStore(AggregatesProcessor.storeBuilder(Granularity.DAILY, config.grace(),
                config.queryRetention()));
        builder.addStateStore(AggregatesProcessor.pendingStoreBuilder());
        TrendProcessor.storeBuilders().forEach(builder::addStateStore);
        builder.addStateStore(TrendAlertProcessor.storeBuilder());

        KStream<String, Counted> counted = announcements
                .flatMap((id, a) -> keysOf(a).stream().map(key -> KeyValue.pair(key, id)).toList(),
                        Named.as("aggregate-keys"))
                .repartition(Repartitioned.<String, String>as(REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
                .process(() -> new AggregatesProcessor(config.grace(), config.emitInterval()),
                        Named.as("count-windows"), Granularity.HOURLY.storeName(), Granularity.DAILY.storeName(),
                        AggregatesProcessor.PENDING);
        Map<String, String> topicOf = Topics.AGGREGATE_NAMES.stream()
                .collect(Collectors.toMap(name -> name, name -> topics.aggregate(name).name()));
        // Every aggregate topic has the same serdes.
        Topic<String, AggregateCount> anyAggregate = topics.aggregate(Topics.AGGREGATE_NAMES.get(0));
        counted.flatMapValues(c -> c instanceof Counted.Update update ? List.of(update.count()) : List.of(),
                        Named.as("aggregate-counts"))
                .to((key, count, context) -> topicOf.get(count.aggregate()), StreamsTopics.produced(anyAggregate));

        KStream<String, Trend> trends = counted
                .filter((key, c) -> TrendProcessor.follows(c), Named.as("trend-counts"))
                .process(() -> new TrendProcessor(config.trendMinCount(), config.trendThreshold()),
                        Named.as("trends"), Granularity.HOURLY.storeName(), AggregatesProcessor.PENDING,
                        TrendProcessor.STORE, TrendProcessor.STATE);
        trends.to(topics.trends().name(), StreamsTopics.produced(topics.trends()));
        trends.process(() -> new TrendAlertProcessor(trendSubjects), Named.as("trend-alerts"),
                        TrendAlertProcessor.ALERTED)
                .to(topics.alerts().name(), StreamsTopics.produced(topics.alerts())
                        .withStreamPartitioner(new AlertPartitioner()));
    }

    /** Every store key an announcement counts for, {@code dimension|key}. */
    static List<String> keysOf(ClassifiedAnnouncement a) {
        List<String> keys = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            d.keysOf(a).forEach(key -> keys.add(AggregatesProcessor.storeKey(d, key)));
        }
        return keys;
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
