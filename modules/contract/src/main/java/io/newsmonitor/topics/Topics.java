package io.newsmonitor.topics;

import io.newsmonitor.json.JsonSerde;
import io.newsmonitor.model.AggregateCount;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.DeliveryState;
import io.newsmonitor.model.Duplicate;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.Trend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic contract: every topic the roles exchange, with its name, serdes, partitions and cleanup policy, in one
 * place. {@code docs/topics.md} documents each; keep the two in step.
 *
 * <p>Names are {@code <prefix>.<suffix>}; the prefix ({@code newsmonitor} by default) lets several deployments share
 * a cluster.
 */
public final class Topics {

    /** Suffix of the aggregate topics: {@code <prefix>.aggregates.<dimension>.<granularity>}. */
    public static final String AGGREGATES = "aggregates.";
    /** Counts per actor id (countries, groups, organisations, people). */
    public static final String DIMENSION_ACTORS = "actors";
    /** Counts per country id. */
    public static final String DIMENSION_COUNTRIES = "countries";
    /** Counts per theme id. */
    public static final String DIMENSION_THEMES = "themes";
    /** Counts per country and theme, {@code FR|regulation}. */
    public static final String DIMENSION_COUNTRY_THEMES = "country-themes";
    /** Counts per AI-cooperation pair, {@code AL+FR}. */
    public static final String DIMENSION_PAIRS = "pairs";
    /** Counts per source id. */
    public static final String DIMENSION_SOURCES = "sources";
    /** Every dimension the sink counts. */
    public static final List<String> AGGREGATE_DIMENSIONS = List.of(DIMENSION_ACTORS, DIMENSION_COUNTRIES,
            DIMENSION_THEMES, DIMENSION_COUNTRY_THEMES, DIMENSION_PAIRS, DIMENSION_SOURCES);
    /** One-hour tumbling windows. */
    public static final String HOURLY = "hourly";
    /** One-day tumbling windows (UTC days). */
    public static final String DAILY = "daily";
    /** The window sizes every dimension is counted in. */
    public static final List<String> GRANULARITIES = List.of(HOURLY, DAILY);
    /** The name of every aggregate topic of the contract: {@code <dimension>.<granularity>}. */
    public static final List<String> AGGREGATE_NAMES = AGGREGATE_DIMENSIONS.stream()
            .flatMap(d -> GRANULARITIES.stream().map(g -> aggregateName(d, g))).toList();

    private static final Pattern VALID_PREFIX = Pattern.compile("[a-zA-Z0-9._-]{1,200}");
    private static final Duration MONTH = Duration.ofDays(30);
    private static final Duration QUARTER = Duration.ofDays(90);

    private final String prefix;
    private final int partitions;
    private final short replicationFactor;

    /**
     * @param prefix            name prefix, letters, digits, {@code .}, {@code _} and {@code -}
     * @param partitions        partitions of every topic (at least 1)
     * @param replicationFactor replication factor of every topic (at least 1)
     */
    public Topics(String prefix, int partitions, short replicationFactor) {
        if (!VALID_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("invalid topic prefix '" + prefix + "'");
        }
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("partitions and replication factor must be at least 1");
        }
        this.prefix = prefix;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** The name prefix. */
    public String prefix() {
        return prefix;
    }

    /** New announcements as pollers found them. Kept forever: {@code newsmonitor replay} reclassifies this history. */
    public Topic<String, Announcement> raw() {
        return topic("announcements.raw", json(Announcement.class), false, null);
    }

    /** First-seen announcements, classified. */
    public Topic<String, ClassifiedAnnouncement> classified() {
        return topic("announcements.classified", json(ClassifiedAnnouncement.class), false, QUARTER);
    }

    /** Copies of announcements already seen, each pointing at its original. */
    public Topic<String, Duplicate> duplicates() {
        return topic("announcements.duplicates", json(Duplicate.class), false, MONTH);
    }

    /** Announcements that matched a subscription. */
    public Topic<String, Alert> alerts() {
        return topic("alerts", json(Alert.class), false, QUARTER);
    }

    /** Subscriptions, latest per id. */
    public Topic<String, Subscription> subscriptions() {
        return topic("subscriptions", json(Subscription.class), true, null);
    }

    /** The configured sources, latest per id. */
    public Topic<String, FeedSource> feeds() {
        return topic("feeds", json(FeedSource.class), true, null);
    }

    /** Per-source poller state, latest per source. */
    public Topic<String, PollerState> pollerState() {
        return topic("poller.state", json(PollerState.class), true, null);
    }

    /** Records that could not be read or processed, as they were, with headers naming the error and origin. */
    public Topic<byte[], byte[]> deadLetter() {
        return new Topic<>(prefix + ".deadletter", Serdes.ByteArray(), Serdes.ByteArray(), partitions,
                replicationFactor, false, MONTH);
    }

    /** Trends: actors, themes and pairs far above their own baseline, latest per key. */
    public Topic<String, Trend> trends() {
        return topic("trends", json(Trend.class), true, null);
    }

    /** Webhook delivery state, latest per subscription. */
    public Topic<String, DeliveryState> deliveryState() {
        return topic("delivery.state", json(DeliveryState.class), true, null);
    }

    /**
     * Alerts whose webhook delivery was given up on, as they were, with headers naming the address, the attempts and
     * the last error; keyed like {@link #alerts()}.
     */
    public Topic<String, Alert> undeliveredAlerts() {
        return topic("alerts.undelivered", json(Alert.class), false, QUARTER);
    }

    /** The aggregate topic name of a dimension and granularity: {@code actors.daily}. */
    public static String aggregateName(String dimension, String granularity) {
        return dimension + "." + granularity;
    }

    /** Windowed counts of one aggregate, latest per key and window. */
    public Topic<String, AggregateCount> aggregate(String name) {
        if (!VALID_PREFIX.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid aggregate name '" + name + "'");
        }
        return topic(AGGREGATES + name, json(AggregateCount.class), true, null);
    }

    /** Every topic of the contract, the aggregate topics included. */
    public List<Topic<?, ?>> all() {
        List<Topic<?, ?>> all = new ArrayList<>(List.of(raw(), classified(), duplicates(), alerts(), subscriptions(),
                feeds(), pollerState(), deadLetter(), trends(), deliveryState(), undeliveredAlerts()));
        AGGREGATE_NAMES.forEach(name -> all.add(aggregate(name)));
        return List.copyOf(all);
    }

    /** This contract with the suffixed prefix, for output that must not mix with the live pipeline's (replay). */
    public Topics withPrefix(String newPrefix) {
        return new Topics(newPrefix, partitions, replicationFactor);
    }

    private <V> Topic<String, V> topic(String suffix, Serde<V> valueSerde, boolean compacted, Duration retention) {
        return new Topic<>(prefix + "." + suffix, Serdes.String(), valueSerde, partitions, replicationFactor,
                compacted, retention);
    }

    private static <V> Serde<V> json(Class<V> type) {
        return JsonSerde.of(type);
    }
}
