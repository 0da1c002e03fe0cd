package io.newsmonitor.sink;

import io.newsmonitor.model.AggregateCount;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.Trend;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a sink instance can answer from its own state stores (Kafka Streams interactive queries). Each instance holds
 * the partitions it was assigned; {@link #peers()} names the other instances, so that an HTTP layer answers a request
 * by asking them too ({@code scope=local}) and merging.
 */
public interface SinkQueries {

    /**
     * Recent classified announcements this instance holds (text shortened), newest publication first.
     */
    List<ClassifiedAnnouncement> announcements(AnnouncementFilter filter);

    /** Alerts this instance holds, newest first; {@code subscriptionId} may be {@code null} for all. */
    List<Alert> alerts(String subscriptionId, Instant since, int limit);

    /**
     * Windowed counts of one aggregate ({@code actors.daily}, ...) this instance holds, by window start; {@code key}
     * may be {@code null} for every key.
     *
     * @throws IllegalArgumentException when no aggregate has that name
     */
    List<AggregateCount> aggregate(String name, String key, Instant from, Instant to);

    /** The current trends this instance holds, highest score first. */
    List<Trend> trends();

    /** Every subscription (each instance holds them all). */
    List<Subscription> subscriptions();

    /** One subscription. */
    Optional<Subscription> subscription(String id);

    /**
     * The {@code host:port} of the other sink instances' HTTP servers ({@code application.server}), empty when this
     * instance is alone.
     */
    List<String> peers();

    /**
     * Which announcements to return.
     *
     * @param actor         actor id that must be present, or {@code null}
     * @param theme         theme id that must be present, or {@code null}
     * @param aiCooperation required value, or {@code null} for either
     * @param q             words that must all occur in the title or text (analysed like the classifier's text), or
     *                      {@code null}
     * @param since         oldest publication time, or {@code null}
     * @param limit         at most this many (1 to 1000)
     */
    record AnnouncementFilter(String actor, String theme, Boolean aiCooperation, String q, Instant since, int limit) {
    }
}
