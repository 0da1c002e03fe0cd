package io.newsmonitor.sink.topology;

import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.sink.config.SinkConfig;
import io.newsmonitor.streams.StreamsProperties;
import io.newsmonitor.streams.StreamsTopics;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.rules.Rules;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsmonitor.sink.alerts.AlertMetrics;
import io.newsmonitor.sink.alerts.AnnouncementSerde;
import io.newsmonitor.sink.alerts.AlertPartitioner;
import io.newsmonitor.sink.alerts.AlertProcessor;
import io.newsmonitor.sink.alerts.Matching;
import io.newsmonitor.sink.query.LocalSinkQueries;
import io.newsmonitor.sink.query.QueryStores;
import io.newsmonitor.sink.subscriptions.ReadableSubscriptions;
import io.newsmonitor.sink.trends.TrendSubjects;
import io.newsmonitor.streams.PublicationTimeExtractor;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The sink's topology, built in one place as a pure function of its configuration:
 * <pre>
 * announcements.classified (partitioned by story) ─▶ match subscriptions (global store)
 *                          ─▶ alerts (once per story)
 *                          ─▶ dimension keys ─▶ hourly and daily counts ─▶ aggregates.&lt;name&gt;
 *                                               └▶ trends ─▶ trends, trend alerts ─▶ alerts
 *                          ─▶ recent announcements (store)
 * alerts ─▶ recent alerts (store)
 * subscriptions ─▶ global store
 * feeds ─▶ global store (the sources' tags, for sourceTag rules)
 * </pre>
 * The stores the API reads are listed in {@link LocalSinkQueries}; see {@link AggregatesTopology} and
 * {@link QueryStores} for their parts.
 * Windows follow publication time (fetch time when unknown), never later than the record's own timestamp: every
 * record this topology writes (repartitions, changelogs, outputs) carries a time the broker accepts, whatever date a
 * source printed (see {@link PublicationTimeExtractor}).
 */
public final class SinkTopology {

    private SinkTopology() {
    }

    /**
     * The sink topology.
     *
     * @param rules    what subscriptions' rules mean
     * @param registry where alerts are counted and their end-to-end latency recorded
     */
    public static Topology build(SinkConfig config, Rules rules, Topics topics, MeterRegistry registry) {
        AlertMetrics metrics = new AlertMetrics(registry);
        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, Subscription> subscriptions = topics.subscriptions();
        builder.globalTable(subscriptions.name(),
                Consumed.with(subscriptions.keySerde(), ReadableSubscriptions.serde(subscriptions))
                        .withName("subscriptions"),
                Materialized.as(Stores.inMemoryKeyValueStore(AlertProcessor.SUBSCRIPTIONS)));
        Topic<String, FeedSource> feeds = topics.feeds();
        builder.globalTable(feeds.name(),
                Consumed.with(feeds.keySerde(), ReadableSubscriptions.serde(feeds)).withName("sources"),
                Materialized.as(Stores.inMemoryKeyValueStore(AlertProcessor.SOURCES)));
        Topic<String, ClassifiedAnnouncement> classified = topics.classified();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AlertProcessor.ALERTED),
                Serdes.String(), Serdes.Long()));
        Serde<ClassifiedAnnouncement> compact = AnnouncementSerde.serde(classified.valueSerde());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AlertProcessor.RECENT),
                Serdes.String(), compact));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AlertProcessor.BACKFILLED), Serdes.String(), Serdes.String()));

        KStream<String, ClassifiedAnnouncement> announcements = builder.stream(classified.name(),
                StreamsTopics.consumed(classified).withTimestampExtractor(new PublicationTimeExtractor())
                        .withName("classified"));

        // classified is partitioned by story (StoryPartitioning): each task sees every write-up of its stories
        announcements
                .mapValues(Matching::forMatching, Named.as("for-matching"))
                .process(() -> new AlertProcessor(config.storyMemory(), config.backfillLimit(), rules, metrics),
                        Named.as("match-subscriptions"), AlertProcessor.ALERTED, AlertProcessor.RECENT,
                        AlertProcessor.BACKFILLED)
                .to(topics.alerts().name(), StreamsTopics.produced(topics.alerts())
                        .withStreamPartitioner(new AlertPartitioner()));

        AggregatesTopology.addTo(builder, announcements, config, topics, TrendSubjects.of(rules));
        QueryStores.addTo(builder, announcements, config, topics);
        return builder.build();
    }

    /**
     * The Kafka Streams properties of the sink: exactly-once, dead-letter topic, state directory, and the address
     * other instances reach this one's HTTP server at ({@code application.server}), when it is known.
     */
    public static Properties properties(SinkConfig config, KafkaConfig kafka, Topics topics) {
        Properties props = StreamsProperties.exactlyOnce(config.applicationId(), config.threads(), config.stateDir(),
                config.commitInterval(), kafka, topics.deadLetter().name());
        config.advertised().ifPresent(address -> props.put(StreamsConfig.APPLICATION_SERVER_CONFIG,
                address.toString()));
        return props;
    }
}
