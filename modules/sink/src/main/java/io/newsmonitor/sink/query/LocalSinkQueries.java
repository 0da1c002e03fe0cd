package io.newsmonitor.sink.query;

import io.newsmonitor.model.AggregateCount;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.Trend;
import io.newsmonitor.sink.NotReadyException;
import io.newsmonitor.sink.SinkQueries;
import io.newsmonitor.sink.aggregates.AggregatesProcessor;
import io.newsmonitor.sink.aggregates.Dimension;
import io.newsmonitor.sink.aggregates.Granularity;
import io.newsmonitor.sink.aggregates.Tally;
import io.newsmonitor.sink.alerts.AlertProcessor;
import io.newsmonitor.sink.config.HostAndPort;
import io.newsmonitor.sink.trends.TrendProcessor;
import io.newsmonitor.text.TextAnalyzer;
import io.newsmonitor.text.Token;
import io.newsmonitor.topics.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The answers of one sink instance, from its own state stores (Kafka Streams interactive queries).
 *
 * <p>The stores are partitioned: each instance holds the announcements and alerts of the input partitions it was
 * assigned, and the counts and trends of the keys that hash to them. An answer from here is therefore partial when
 * several instances run: the HTTP layer asks every {@link #peers() peer} too (each answering from its own stores) and
 * merges. Only {@link #subscriptions()} is whole on every instance (a global store).
 *
 * <p>Stores:
 * <ul>
 *   <li>{@value RecentAnnouncements#STORE}: slim recent announcements ({@link RecentAnnouncements});</li>
 *   <li>{@value RecentAlerts#STORE}: recent alerts, per subscription ({@link RecentAlerts});</li>
 *   <li>{@code aggregates-hourly}, {@code aggregates-daily}: counts per dimension key and window
 *       ({@link AggregatesProcessor});</li>
 *   <li>{@value TrendProcessor#STORE}: the latest trend per key ({@link TrendProcessor});</li>
 *   <li>{@value AlertProcessor#SUBSCRIPTIONS}: every subscription (global).</li>
 * </ul>
 * Every method throws {@link NotReadyException} while the instance starts, restores or rebalances. Thread-safe.
 */
public final class LocalSinkQueries implements SinkQueries {

    /** Most items one query returns. */
    public static final int MAX_LIMIT = 1000;
    private static final Comparator<Trend> HIGHEST_SCORE = Comparator.comparingDouble(Trend::score).reversed()
            .thenComparing(Trend::recordKey);

    private final StoreAccess stores;
    private final Supplier<List<String>> peers;
    private final TextAnalyzer analyzer = new TextAnalyzer();

    /**
     * @param stores where this instance's stores are
     * @param peers  the {@code host:port} of the other instances
     */
    public LocalSinkQueries(StoreAccess stores, Supplier<List<String>> peers) {
        this.stores = stores;
        this.peers = peers;
    }

    /**
     * The queries of a Kafka Streams instance of the sink.
     *
     * @param self where other instances reach this one ({@code application.server}), empty when unknown
     */
    public static LocalSinkQueries of(KafkaStreams streams, Optional<HostAndPort> self) {
        Optional<HostInfo> own = self.map(address -> new HostInfo(address.host(), address.port()));
        return new LocalSinkQueries(StoreAccess.of(streams), () -> streams.metadataForAllStreamsClients().stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> host.port() > 0 && own.map(o -> !o.equals(host)).orElse(true))
                .map(host -> new HostAndPort(host.host(), host.port()).toString())
                .distinct().sorted().toList());
    }

    /** @throws IllegalArgumentException when the limit is not between 1 and {@value #MAX_LIMIT} */
    @Override
    public List<ClassifiedAnnouncement> announcements(AnnouncementFilter filter) {
        checkLimit(filter.limit());
        Predicate<ClassifiedAnnouncement> wanted = matcher(filter);
        String from = filter.since() == null ? null : TimeKeys.of(filter.since().toEpochMilli());
        return ready(() -> {
            ReadOnlyKeyValueStore<String, ClassifiedAnnouncement> store =
                    stores.keyValueStore(RecentAnnouncements.STORE);
            List<ClassifiedAnnouncement> found = new ArrayList<>();
            try (KeyValueIterator<String, ClassifiedAnnouncement> newestFirst = store.reverseRange(from, null)) {
                while (newestFirst.hasNext() && found.size() < filter.limit()) {
                    ClassifiedAnnouncement a = newestFirst.next().value;
                    if (wanted.test(a)) {
                        found.add(a);
                    }
                }
            }
            return found;
        });
    }

    private Predicate<ClassifiedAnnouncement> matcher(AnnouncementFilter filter) {
        Predicate<ClassifiedAnnouncement> wanted = a -> true;
        if (filter.actor() != null) {
            wanted = wanted.and(a -> a.hasActor(filter.actor()));
        }
        if (filter.theme() != null) {
            wanted = wanted.and(a -> a.hasTheme(filter.theme()));
        }
        if (filter.aiCooperation() != null) {
            wanted = wanted.and(a -> a.aiCooperation() == filter.aiCooperation());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            List<String> words = analyzer.tokens(filter.q()).stream().map(Token::term).distinct().toList();
            wanted = wanted.and(a -> termsOf(a).containsAll(words));
        }
        return wanted;
    }

    /** The analysed terms of an announcement's title and text, stemmed and not (as the classifier reads them). */
    private Set<String> termsOf(ClassifiedAnnouncement a) {
        Set<String> terms = new HashSet<>();
        for (Token token : analyzer.tokens(a.title() + "\n" + a.text())) {
            terms.add(token.term());
            terms.add(token.folded());
        }
        return terms;
    }

    /** @throws IllegalArgumentException when the limit is not between 1 and {@value #MAX_LIMIT} */
    @Override
    public List<Alert> alerts(String subscriptionId, Instant since, int limit) {
        checkLimit(limit);
        long from = since == null ? 0 : since.toEpochMilli();
        return ready(() -> {
            ReadOnlyKeyValueStore<String, Alert> store = stores.keyValueStore(RecentAlerts.STORE);
            return subscriptionId == null ? newestAlerts(store, from, limit)
                    : newestAlerts(store, subscriptionId, from, limit);
        });
    }

    /** One subscription's alerts: a reverse scan of its key range, from the newest. */
    private static List<Alert> newestAlerts(ReadOnlyKeyValueStore<String, Alert> store, String subscriptionId,
                                            long from, int limit) {
        String prefix = RecentAlerts.prefix(subscriptionId);
        // ':' follows the digits, so the range ends after every time of this subscription and before any other key.
        List<Alert> found = new ArrayList<>();
        try (KeyValueIterator<String, Alert> newestFirst = store.reverseRange(prefix + TimeKeys.of(from),
                prefix + ":")) {
            while (newestFirst.hasNext() && found.size() < limit) {
                found.add(newestFirst.next().value);
            }
        }
        return found;
    }

    /** Every subscription's alerts: the newest {@code limit} of a full scan. */
    private static List<Alert> newestAlerts(ReadOnlyKeyValueStore<String, Alert> store, long from, int limit) {
        Comparator<KeyValue<String, Alert>> newestFirst = Comparator
                .comparingLong((KeyValue<String, Alert> entry) -> RecentAlerts.timeOf(entry.key)).reversed()
                .thenComparing(entry -> entry.key);
        PriorityQueue<KeyValue<String, Alert>> newest = new PriorityQueue<>(newestFirst.reversed());
        try (KeyValueIterator<String, Alert> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Alert> entry = all.next();
                if (RecentAlerts.timeOf(entry.key) >= from) {
                    newest.add(entry);
                    if (newest.size() > limit) {
                        newest.poll();
                    }
                }
            }
        }
        return newest.stream().sorted(newestFirst).map(entry -> entry.value).toList();
    }

    /**
     * The counts of the windows starting from {@code from} to {@code to} (both inclusive; {@code null}: unbounded).
     */
    @Override
    public List<AggregateCount> aggregate(String name, String key, Instant from, Instant to) {
        if (!Topics.AGGREGATE_NAMES.contains(name)) {
            throw new IllegalArgumentException("no aggregate '" + name + "', expected one of "
                    + Topics.AGGREGATE_NAMES);
        }
        int dot = name.lastIndexOf('.');
        Dimension dimension = Dimension.of(name.substring(0, dot));
        Granularity granularity = Granularity.of(name.substring(dot + 1));
        Instant first = from == null ? Instant.EPOCH : from;
        Instant last = to == null ? Instant.ofEpochMilli(Long.MAX_VALUE) : to;
        return ready(() -> {
            ReadOnlyWindowStore<String, Tally> store = stores.windowStore(granularity.storeName());
            return key == null ? counts(store, dimension, granularity, first, last)
                    : counts(store, dimension, granularity, key, first, last);
        });
    }

    private static List<AggregateCount> counts(ReadOnlyWindowStore<String, Tally> store, Dimension dimension,
                                               Granularity granularity, String key, Instant from, Instant to) {
        List<AggregateCount> counts = new ArrayList<>();
        try (WindowStoreIterator<Tally> windows = store.fetch(AggregatesProcessor.storeKey(dimension, key), from,
                to)) {
            while (windows.hasNext()) {
                KeyValue<Long, Tally> window = windows.next();
                counts.add(count(dimension, granularity, key, window.key, window.value));
            }
        }
        return counts;
    }

    private static List<AggregateCount> counts(ReadOnlyWindowStore<String, Tally> store, Dimension dimension,
                                               Granularity granularity, Instant from, Instant to) {
        String prefix = AggregatesProcessor.storeKey(dimension, "");
        List<AggregateCount> counts = new ArrayList<>();
        // '}' follows '|': the key range holds exactly this dimension's keys.
        try (KeyValueIterator<Windowed<String>, Tally> windows = store.fetch(prefix,
                dimension.id() + "}", from, to)) {
            while (windows.hasNext()) {
                KeyValue<Windowed<String>, Tally> window = windows.next();
                if (window.key.key().startsWith(prefix)) {
                    counts.add(count(dimension, granularity, window.key.key().substring(prefix.length()),
                            window.key.window().start(), window.value));
                }
            }
        }
        counts.sort(Comparator.comparing(AggregateCount::windowStart).thenComparing(AggregateCount::key));
        return counts;
    }

    private static AggregateCount count(Dimension dimension, Granularity granularity, String key, long start,
                                        Tally tally) {
        return new AggregateCount(dimension.aggregateName(granularity), key, Instant.ofEpochMilli(start),
                Instant.ofEpochMilli(start + granularity.size().toMillis()), tally.count(), tally.sampleIds());
    }

    @Override
    public List<Trend> trends() {
        return ready(() -> {
            List<Trend> trending = new ArrayList<>();
            ReadOnlyKeyValueStore<String, Trend> store = stores.keyValueStore(TrendProcessor.STORE);
            try (KeyValueIterator<String, Trend> all = store.all()) {
                all.forEachRemaining(entry -> {
                    if (entry.value.trending()) {
                        trending.add(entry.value);
                    }
                });
            }
            trending.sort(HIGHEST_SCORE);
            return trending;
        });
    }

    @Override
    public List<Subscription> subscriptions() {
        return ready(() -> {
            List<Subscription> all = new ArrayList<>();
            ReadOnlyKeyValueStore<String, Subscription> store = stores.keyValueStore(AlertProcessor.SUBSCRIPTIONS);
            try (KeyValueIterator<String, Subscription> entries = store.all()) {
                entries.forEachRemaining(entry -> {
                    if (entry.value != null) {
                        all.add(entry.value);
                    }
                });
            }
            all.sort(Comparator.comparing(Subscription::id));
            return all;
        });
    }

    @Override
    public Optional<Subscription> subscription(String id) {
        return ready(() -> Optional.ofNullable(stores.<Subscription>keyValueStore(AlertProcessor.SUBSCRIPTIONS)
                .get(id)));
    }

    @Override
    public List<String> peers() {
        return ready(peers);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** The answer, or {@link NotReadyException} while the stores cannot be read. */
    private static <T> T ready(Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException("this sink instance cannot answer yet: " + e.getMessage(), e);
        }
    }
}
