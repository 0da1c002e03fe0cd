package io.newsmonitor.sink.trends;

import io.newsmonitor.model.Alert;
import io.newsmonitor.model.MatchReason;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.Trend;
import io.newsmonitor.sink.aggregates.Dimension;
import io.newsmonitor.sink.alerts.AlertProcessor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts the subscriptions that asked for trend alerts ({@code trendAlerts: true}) of the trends they name, once per
 * (subscription, trend episode): an episode runs from a key's first {@code trending=true} record to its
 * {@code trending=false}. The alert's story is {@code <trend key>@<window start>}, the window of the first trending
 * record this subscription saw in the episode, so its {@code alertId} is the same in every replay. Which trends a
 * subscription names is a function given at construction ({@link TrendSubjects#of}: what the rules name).
 *
 * <p>Input is keyed by trend key, so one task sees every record of a key; the subscriptions come from the global store.
 * The episodes alerted are remembered in {@value #ALERTED} ({@code <trend key>|<subscription id>}) until the episode
 * ends. A subscription whose subjects cannot be computed is skipped for that trend, with one log line.
 */
public final class TrendAlertProcessor implements Processor<String, Trend, String, Alert> {

    private static final Logger LOG = LoggerFactory.getLogger(TrendAlertProcessor.class);

    /** The store of the episodes alerted. */
    public static final String ALERTED = "trend-alerted";

    private final Function<Subscription, Set<String>> subjects;
    private ProcessorContext<String, Alert> context;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<Subscription>> subscriptions;
    private KeyValueStore<String, String> alerted;

    /** @param subjects the trend keys a subscription names */
    public TrendAlertProcessor(Function<Subscription, Set<String>> subjects) {
        this.subjects = subjects;
    }

    /** The store of this processor. */
    public static StoreBuilder<KeyValueStore<String, String>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTED), Serdes.String(), Serdes.String());
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.subscriptions = context.getStateStore(AlertProcessor.SUBSCRIPTIONS);
        this.alerted = context.getStateStore(ALERTED);
    }

    @Override
    public void process(Record<String, Trend> record) {
        Trend trend = record.value();
        if (!trend.trending()) {
            forgetEpisode(record.key());
            return;
        }
        long now = context.currentSystemTimeMs();
        try (KeyValueIterator<String, ValueAndTimestamp<Subscription>> all = subscriptions.all()) {
            while (all.hasNext()) {
                ValueAndTimestamp<Subscription> entry = all.next().value;
                Subscription s = entry == null ? null : entry.value();
                if (s != null && s.trendAlerts() && names(s, record.key())) {
                    alertOnce(s, trend, now);
                }
            }
        }
    }

    private boolean names(Subscription s, String trendKey) {
        try {
            return subjects.apply(s).contains(trendKey);
        } catch (RuntimeException e) {
            LOG.warn("Subscription {} skipped for trend {}: {}", s.id(), trendKey, e.toString());
            return false;
        }
    }

    private void alertOnce(Subscription s, Trend trend, long now) {
        String episode = trend.recordKey() + "|" + s.id();
        if (alerted.get(episode) == null) {
            Alert alert = alert(s, trend, Instant.ofEpochMilli(now));
            context.forward(new Record<>(alert.key(), alert, now));
            alerted.put(episode, alert.storyId());
            LOG.info("Trend {} alerted to subscription {}", trend.recordKey(), s.id());
        }
    }

    private void forgetEpisode(String trendKey) {
        List<String> ended = new ArrayList<>();
        // '}' follows '|': the range holds exactly this trend's entries.
        try (KeyValueIterator<String, String> entries = alerted.range(trendKey + "|", trendKey + "}")) {
            entries.forEachRemaining(entry -> ended.add(entry.key));
        }
        ended.forEach(alerted::delete);
    }

    /**
     * The alert of a trend for a subscription, raised at {@code now}: titled like "FR is trending: 14 announcements
     * in 24 h against 2.1 a day", with the trend's key as announcement id and its actors, themes or pair.
     */
    static Alert alert(Subscription s, Trend trend, Instant now) {
        Dimension dimension = Dimension.of(trend.dimension());
        List<String> ids = dimension == Dimension.PAIRS ? Arrays.asList(trend.key().split("\\+"))
                : List.of(trend.key());
        String figures = String.format(Locale.ROOT, "%d announcements in 24 h against %.1f a day", trend.count(),
                trend.baseline());
        return new Alert(null, Alert.TREND, s.id(), trend.recordKey(), trend.recordKey() + "@" + trend.windowStart(),
                trend.key() + " is trending: " + figures, null, null, null, null, now,
                dimension == Dimension.THEMES ? List.of() : ids,
                dimension == Dimension.THEMES ? ids : List.of(),
                dimension == Dimension.PAIRS, dimension == Dimension.PAIRS ? ids : List.of(),
                List.of(new MatchReason("trend: " + trend.recordKey(),
                        List.of(figures + ", score " + trend.score()))));
    }
}
