package io.newsmonitor.web;

import io.newsmonitor.model.AggregateCount;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.Trend;
import io.newsmonitor.sink.SinkQueries;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a sink instance would hold, given by the test: the records a test puts in, filtered as the interface says.
 * Stands in for the sink's stores where a test is about the HTTP layer, not the sink.
 */
final class HeldQueries implements SinkQueries {

    final List<ClassifiedAnnouncement> announcements = new CopyOnWriteArrayList<>();
    final List<Alert> alerts = new CopyOnWriteArrayList<>();
    final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    final List<String> peers = new CopyOnWriteArrayList<>();

    @Override
    public List<ClassifiedAnnouncement> announcements(AnnouncementFilter filter) {
        return announcements.stream()
                .filter(a -> filter.actor() == null || a.hasActor(filter.actor()))
                .filter(a -> filter.since() == null || !a.publishedAt().isBefore(filter.since()))
                .limit(filter.limit()).toList();
    }

    @Override
    public List<Alert> alerts(String subscriptionId, Instant since, int limit) {
        return alerts.stream().filter(a -> subscriptionId == null || a.subscriptionId().equals(subscriptionId))
                .limit(limit).toList();
    }

    @Override
    public List<AggregateCount> aggregate(String name, String key, Instant from, Instant to) {
        return List.of();
    }

    @Override
    public List<Trend> trends() {
        return List.of();
    }

    @Override
    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    @Override
    public Optional<Subscription> subscription(String id) {
        return subscriptions.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public List<String> peers() {
        return List.copyOf(peers);
    }
}
