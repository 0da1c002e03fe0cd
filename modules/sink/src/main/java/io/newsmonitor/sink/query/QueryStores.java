package io.newsmonitor.sink.query;

import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.sink.config.SinkConfig;
import io.newsmonitor.streams.StreamsTopics;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The part of the sink topology that only keeps what the API reads: the recent announcements, next to where they are
 * read (no regrouping), and the recent alerts, read back from {@code newsmonitor.alerts} so that every alert is kept
 * whichever part of the topology raised it.
 */
public final class QueryStores {

    private QueryStores() {
    }

    /** Adds the stores of recent announcements and alerts to {@code builder}. */
    public static void addTo(StreamsBuilder builder, KStream<String, ClassifiedAnnouncement> announcements,
                             SinkConfig config, Topics topics) {
        builder.addStateStore(RecentAnnouncements.storeBuilder());
        announcements.process(() -> new RecentAnnouncements(config.queryRetention()),
                Named.as("keep-recent-announcements"), RecentAnnouncements.STORE);

        builder.addStateStore(RecentAlerts.storeBuilder());
        Topic<String, Alert> alerts = topics.alerts();
        builder.stream(alerts.name(), StreamsTopics.consumed(alerts).withName("alerts-raised"))
                .process(() -> new RecentAlerts(config.queryRetention()), Named.as("keep-recent-alerts"),
                        RecentAlerts.STORE);
    }
}
