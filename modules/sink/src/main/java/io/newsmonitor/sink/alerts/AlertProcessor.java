package io.newsmonitor.sink.alerts;

import io.newsmonitor.json.Json;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.MatchReason;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.rules.CompiledRule;
import io.newsmonitor.rules.Facts;
import io.newsmonitor.rules.Rules;
import io.newsmonitor.rules.SourceTags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises an alert for every subscription an announcement matches, once per story: a story reported by seven sources
 * alerts each subscriber once. Input is partitioned by story id ({@code StoryPartitioning}), so that every write-up
 * of a story reaches the same task; the subscriptions (and the sources, for their tags) come from global stores, so
 * that every task sees all of them.
 * Each subscription's rule is compiled once per value; one that does not compile, or fails on an announcement, is
 * skipped with one log line and the others still alert. Each alert carries the reasons its rule gave.
 *
 * <p>The memory of alerted stories ages by event time (publication time, see {@code PublicationTimeExtractor}), not
 * by the wall clock: a story is forgotten once the stream has moved {@code memory} past its latest write-up. A
 * write-up older than that horizon is not alerted, since whether it was alerted is no longer known; the processor
 * keeps such items off the classified topic in the first place. So a replay, a backlog or an old item seen again
 * after a pause cannot alert twice.
 *
 * <p><b>Backfill.</b> The task also keeps its recent announcements ({@code backfillLimit} of event time). On a
 * wall-clock schedule it looks for subscriptions it has not seen in their current version (it remembers each id with
 * a fingerprint of its value) and, for one asking for {@code backfill}, alerts on the stories of that period that
 * match, through the same once-per-story memory, so that nothing alerts twice. A subscription id the task never saw
 * is backfilled over its whole period (up to {@code backfillLimit}); a changed version only within the alert memory,
 * since older stories may have been alerted by the previous version and forgotten since.
 */
public final class AlertProcessor implements Processor<String, ClassifiedAnnouncement, String, Alert> {

    private static final Logger LOG = LoggerFactory.getLogger(AlertProcessor.class);

    public static final String SUBSCRIPTIONS = "subscriptions";
    public static final String SOURCES = "sources";
    public static final String ALERTED = "alerted-stories";
    public static final String RECENT = "recent-stories";
    public static final String BACKFILLED = "backfilled-subscriptions";
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    /** How soon a new subscription's backfill starts. */
    static final Duration BACKFILL_CHECK_EVERY = Duration.ofSeconds(5);

    private final Duration memory;
    private final Duration backfillLimit;
    private final Rules rules;
    private final AlertMetrics metrics;
    private final CompiledSubscriptions compiled;
    private ProcessorContext<String, Alert> context;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<Subscription>> subscriptions;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<FeedSource>> sources;
    private KeyValueStore<String, Long> alerted;
    private RecentStories recent;
    private KeyValueStore<String, String> backfilled;

    /**
     * @param memory        how long, in event time, a story is remembered as alerted
     * @param backfillLimit how long, in event time, recent announcements are kept for backfills
     * @param rules         what subscriptions' rules mean
     * @param metrics       where alerts are counted
     */
    public AlertProcessor(Duration memory, Duration backfillLimit, Rules rules, AlertMetrics metrics) {
        this.memory = memory;
        this.backfillLimit = backfillLimit;
        this.rules = rules;
        this.metrics = metrics;
        this.compiled = new CompiledSubscriptions(rules);
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.subscriptions = context.getStateStore(SUBSCRIPTIONS);
        this.sources = context.getStateStore(SOURCES);
        this.alerted = context.getStateStore(ALERTED);
        this.recent = new RecentStories(context.getStateStore(RECENT));
        this.backfilled = context.getStateStore(BACKFILLED);
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::purge);
        context.schedule(BACKFILL_CHECK_EVERY, PunctuationType.WALL_CLOCK_TIME, this::backfillNewSubscriptions);
    }

    @Override
    public void process(Record<String, ClassifiedAnnouncement> record) {
        ClassifiedAnnouncement a = record.value();
        long eventTime = record.timestamp();
        if (eventTime >= horizon(backfillLimit)) {
            recent.put(eventTime, a);
        }
        if (eventTime < horizon(memory)) {
            LOG.info("Announcement {} not alerted: its time {} is older than the alert memory", a.id(),
                    Instant.ofEpochMilli(eventTime));
            return;
        }
        long now = context.currentSystemTimeMs();
        Facts facts = rules.facts(a, sourceTags());
        for (Subscription s : currentSubscriptions()) {
            compiled.of(s).flatMap(rule -> evaluate(rule, facts))
                    .ifPresent(reasons -> alertOnce(s, a, reasons, eventTime, now, true));
        }
    }

    private static Optional<List<MatchReason>> evaluate(CompiledRule rule, Facts facts) {
        try {
            return rule.evaluate(facts);
        } catch (RuntimeException e) {
            LOG.warn("Subscription {} skipped for announcement {}: {}", rule.subscription().id(),
                    facts.announcement().id(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * Alerts unless the story was alerted for this subscription; either way the story is remembered up to
     * {@code rememberAs} (its latest write-up's time, or for a backfill at least the current stream time, so that an
     * old story is not forgotten as soon as it is alerted). The alert record carries the time it was raised, so that
     * the alerts topic's retention counts from then, not from a publication date that may be long past.
     *
     * @return whether it alerted
     */
    private boolean alertOnce(Subscription s, ClassifiedAnnouncement a, List<MatchReason> reasons, long rememberAs,
                              long now, boolean live) {
        String storyKey = s.id() + "/" + a.storyId();
        Long remembered = alerted.get(storyKey);
        if (remembered == null) {
            Alert alert = Matching.alert(s, a, reasons, Instant.ofEpochMilli(now));
            context.forward(new Record<>(alert.key(), alert, now));
            metrics.alerted(s.id(), a, Instant.ofEpochMilli(now), live);
        }
        if (remembered == null || remembered < rememberAs) {
            alerted.put(storyKey, rememberAs);
        }
        return remembered == null;
    }

    private SourceTags sourceTags() {
        return sourceId -> {
            ValueAndTimestamp<FeedSource> source = sources.get(sourceId);
            return source == null || source.value() == null ? List.of() : source.value().tags();
        };
    }

    private List<Subscription> currentSubscriptions() {
        List<Subscription> current = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<Subscription>> all = subscriptions.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<Subscription>> entry = all.next();
                if (entry.value != null && entry.value.value() != null) {
                    current.add(entry.value.value());
                }
            }
        }
        return current;
    }

    /** The subscriptions this task has not seen in their current version: remembered, and backfilled if asked. */
    private void backfillNewSubscriptions(long wallClock) {
        List<Subscription> current = currentSubscriptions();
        compiled.retainOnly(current.stream().map(Subscription::id).collect(Collectors.toSet()));
        for (Subscription s : current) {
            String fingerprint = fingerprint(s);
            String seen = backfilled.get(s.id());
            if (!fingerprint.equals(seen)) {
                backfilled.put(s.id(), fingerprint);
                if (!s.backfill().isZero()) {
                    compiled.of(s).ifPresent(rule -> backfill(rule, period(s, seen == null), wallClock));
                }
            }
        }
    }

    /** How far back a subscription is backfilled: as asked, within the limit, and for a change within the memory. */
    private Duration period(Subscription s, boolean neverSeen) {
        Duration period = min(s.backfill(), backfillLimit);
        if (!neverSeen) {
            period = min(period, memory);
        }
        if (period.compareTo(s.backfill()) < 0) {
            LOG.info("Subscription {} asks for a backfill of {}; backfilled over {} ({})", s.id(), s.backfill(),
                    period, neverSeen ? "sink.alerts.backfillLimit" : "a changed subscription: the alert memory");
        }
        return period;
    }

    private void backfill(CompiledRule rule, Duration period, long wallClock) {
        Subscription s = rule.subscription();
        long streamTime = context.currentStreamTimeMs();
        List<Boolean> raised = new ArrayList<>();
        recent.forEachBetween(wallClock - period.toMillis(), wallClock + 1, (a, eventTime) ->
                evaluate(rule, rules.facts(a, sourceTags())).ifPresent(reasons -> raised.add(
                        alertOnce(s, a, reasons, Math.max(eventTime, streamTime), wallClock, false))));
        long alerts = raised.stream().filter(Boolean::booleanValue).count();
        LOG.info("Subscription {} backfilled over {}: {} alert{}", s.id(), period, alerts, alerts == 1 ? "" : "s");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A fingerprint of a subscription's value, the same on every instance: the SHA-256 of its JSON. */
    static String fingerprint(Subscription s) {
        try {
            byte[] json = Json.mapper().writeValueAsString(s).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write subscription " + s.id() + " as JSON", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private long horizon(Duration period) {
        long streamTime = context.currentStreamTimeMs();
        return streamTime == Long.MIN_VALUE ? Long.MIN_VALUE : streamTime - period.toMillis();
    }

    private void purge(long streamTime) {
        long horizon = streamTime - memory.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = alerted.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value < horizon) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(alerted::delete);
        recent.purgeBefore(streamTime - backfillLimit.toMillis());
    }
}
