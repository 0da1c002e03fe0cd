package io.newsmonitor.sink.config;

import io.newsmonitor.config.Setting;
import io.newsmonitor.config.Settings;
import java.time.Duration;
import java.util.List;

/**
 * The sink's settings ({@code sink.*} in {@code newsmonitor.yaml}), each declared once with its default, meaning and
 * validation.
 *
 * @param applicationId   Kafka Streams application id
 * @param threads         stream threads of this instance
 * @param stateDir        where RocksDB state lives
 * @param window          size of the aggregate windows
 * @param grace           how late an announcement may arrive and still be counted in its window
 * @param storyMemory     how long a story is remembered as alerted, per subscription
 * @param backfillLimit   how far back a subscription's backfill may reach; recent stories are kept that long
 */
public record SinkConfig(String applicationId, int threads, String stateDir, Duration window, Duration grace,
                         Duration storyMemory, Duration backfillLimit) {

    private static final String POSITIVE = "positive";

    public static final Setting<String> APPLICATION_ID = Setting.string("sink.applicationId", "newsmonitor-sink",
                    "Kafka Streams application id: instances with the same id share the work")
            .withRule(s -> s.matches("[A-Za-z0-9._-]+"), "letters, digits, '.', '_' or '-'");
    public static final Setting<Integer> THREADS = Setting.integer("sink.threads", 1,
            "Stream threads of this instance").withRule(n -> n >= 1 && n <= 64, "between 1 and 64");
    public static final Setting<String> STATE_DIR = Setting.string("sink.stateDir", "data/streams",
            "Directory of the RocksDB state stores (rebuilt from changelogs when lost)");
    public static final Setting<Duration> WINDOW = Setting.duration("sink.aggregates.window", Duration.ofDays(1),
            "Size of the time windows aggregates count in").withRule(d -> !d.isNegative() && !d.isZero(), POSITIVE);
    /**
     * A year by default: sources are often backfilled (a new source's archive, a replay), and an analyst wants those
     * announcements counted on their publication day, not dropped.
     */
    public static final Setting<Duration> GRACE = Setting.duration("sink.aggregates.grace", Duration.ofDays(366),
                    "How late (by publication time) an announcement may arrive and still be counted in its window")
            .withRule(d -> !d.isNegative(), "not negative");
    public static final Setting<Duration> STORY_MEMORY = Setting.duration("sink.alerts.storyMemory",
                    Duration.ofDays(14), "How long, in publication time, a story is remembered as alerted, so it "
                            + "alerts each subscriber once")
            .withRule(d -> !d.isNegative() && !d.isZero(), POSITIVE);

    /**
     * Each sink task keeps its recent stories (text included, evidence left out) this long in publication time, so
     * that a new subscription asking for {@code backfill: 7d} alerts on what already matched; a longer backfill is
     * cut to this.
     */
    public static final Setting<Duration> BACKFILL_LIMIT = Setting.duration("sink.alerts.backfillLimit",
                    Duration.ofDays(30), "How far back, in publication time, a new subscription's backfill may reach "
                            + "(recent stories are kept that long for it)")
            .withRule(d -> !d.isNegative() && !d.isZero(), POSITIVE);

    /** Every setting of this section. */
    public static final List<Setting<?>> SETTINGS = List.of(APPLICATION_ID, THREADS, STATE_DIR, WINDOW, GRACE,
            STORY_MEMORY, BACKFILL_LIMIT);

    /** The sink section of the settings. */
    public static SinkConfig from(Settings s) {
        return new SinkConfig(s.get(APPLICATION_ID), s.get(THREADS), s.get(STATE_DIR), s.get(WINDOW), s.get(GRACE),
                s.get(STORY_MEMORY), s.get(BACKFILL_LIMIT));
    }

    /** These settings for another application, with its own state directory (a benchmark's own sink). */
    public SinkConfig withApplicationId(String id, String dir) {
        return new SinkConfig(id, threads, dir, window, grace, storyMemory, backfillLimit);
    }
}
