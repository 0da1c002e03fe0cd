package io.newsmonitor.sink.config;

import io.newsmonitor.config.Setting;
import io.newsmonitor.config.Settings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The sink's settings ({@code sink.*} in {@code newsmonitor.yaml}), each declared once with its default, meaning and
 * validation.
 *
 * @param applicationId   Kafka Streams application id
 * @param threads         stream threads of this instance
 * @param stateDir        where RocksDB state lives
 * @param grace           how late an announcement may arrive and still be counted in its window
 * @param storyMemory     how long a story is remembered as alerted, per subscription
 * @param queryRetention  how long, in publication time, announcements and alerts stay queryable
 * @param httpListen      where the sink's HTTP server listens
 * @param httpAdvertised  where other sink instances reach this one's HTTP server, or {@code null} to derive it from
 *                        {@code httpListen} (see {@link #advertised()})
 * @param trendMinCount   fewest announcements in 24 h for a trend
 * @param trendThreshold  lowest trend score for a trend
 * @param backfillLimit   how far back a subscription's backfill may reach; recent stories are kept that long
 * @param emitInterval    how often, in wall-clock time, the aggregate windows changed since the last time are
 *                        written (and their trends evaluated)
 */
public record SinkConfig(String applicationId, int threads, String stateDir, Duration grace, Duration storyMemory,
                         Duration queryRetention, HostAndPort httpListen, HostAndPort httpAdvertised,
                         int trendMinCount, double trendThreshold, Duration backfillLimit,
                         Duration emitInterval, Duration commitInterval) {

    private static final String POSITIVE = "positive";
    private static final String HOST_PORT = "host:port";

    public static final Setting<String> APPLICATION_ID = Setting.string("sink.applicationId", "newsmonitor-sink",
                    "Kafka Streams application id: instances with the same id share the work")
            .withRule(s -> s.matches("[A-Za-z0-9._-]+"), "letters, digits, '.', '_' or '-'");
    public static final Setting<Integer> THREADS = Setting.integer("sink.threads", 1,
            "Stream threads of this instance").withRule(n -> n >= 1 && n <= 64, "between 1 and 64");
    public static final Setting<String> STATE_DIR = Setting.string("sink.stateDir", "data/streams",
            "Directory of the RocksDB state stores (rebuilt from changelogs when lost)");
    /**
     * A year by default: sources are often backfilled (a new source's archive, a replay), and an analyst wants those
     * announcements counted on their publication day, not dropped.
     */
    public static final Setting<Duration> GRACE = Setting.duration("sink.aggregates.grace", Duration.ofDays(366),
                    "How late (by publication time) an announcement may arrive and still be counted in its hourly "
                            + "and daily windows")
            .withRule(d -> !d.isNegative(), "not negative");
    public static final Setting<Duration> STORY_MEMORY = Setting.duration("sink.alerts.storyMemory",
                    Duration.ofDays(14), "How long, in publication time, a story is remembered as alerted, so it "
                            + "alerts each subscriber once")
            .withRule(d -> !d.isNegative() && !d.isZero(), POSITIVE);
    public static final Setting<Duration> QUERY_RETENTION = Setting.duration("sink.query.retention",
                    Duration.ofDays(30), "How long recent announcements (by publication time) and alerts (by the "
                            + "time they were raised) stay in the stores the API reads")
            .withRule(d -> !d.isNegative() && !d.isZero(), POSITIVE);
    public static final Setting<String> HTTP_LISTEN = Setting.string("sink.http.listen", "127.0.0.1:8080",
                    "Address (host:port) the sink's HTTP server (API and dashboard) listens on; 0.0.0.0 for every "
                            + "interface, port 0 for any free port")
            .withRule(HostAndPort::isValid, HOST_PORT);
    public static final Setting<String> HTTP_ADVERTISED = Setting.string("sink.http.advertised", null,
                    "Address (host:port) other sink instances reach this one's HTTP server at, to answer for the "
                            + "partitions this instance holds; by default the listen address, with this machine's "
                            + "host name when it listens on every interface")
            .withRule(HostAndPort::isValid, HOST_PORT);
    public static final Setting<Integer> TREND_MIN_COUNT = Setting.integer("sink.trends.minCount", 3,
            "Fewest announcements in the last 24 h for an actor, theme or pair to be trending")
            .withRule(n -> n >= 1, "at least 1");
    public static final Setting<Double> TREND_THRESHOLD = Setting.decimal("sink.trends.threshold", 3.0,
                    "Lowest trend score, (count - mean) / sqrt(mean + 1) against the trailing 14-day mean per 24 h, "
                            + "for an actor, theme or pair to be trending (docs/topics.md)")
            .withRule(x -> x > 0 && Double.isFinite(x), POSITIVE);

    /**
     * 200 ms by default: about twice the commit interval of exactly-once, so a busy key (a country, a source) is
     * written once for the many announcements of that time instead of once each, and a dashboard still sees counts
     * well within a second.
     */
    public static final Setting<Duration> EMIT_INTERVAL = Setting.duration("sink.aggregates.emitInterval",
                    Duration.ofMillis(200), "How often (wall-clock time) the hourly and daily counts changed since "
                            + "the last time are written to the aggregate topics, once per window, and their trends "
                            + "evaluated")
            .withRule(d -> !d.isNegative() && !d.isZero(), POSITIVE);

    /**
     * Kafka Streams' own default under exactly-once. Each sink transaction writes to many partitions (alerts, a
     * dozen aggregate topics, the changelogs of its stores) and the broker writes a marker to every one at each commit,
     * so a longer interval costs the broker less; but on generated bursts 500 ms or 1 s gained at most a tenth, within
     * the spread of runs, while 500 ms added 0.4 s to the median alert delay at a steady 20 a second; 50 ms (with the
     * processor's) took 0.18 s off it but lost output after a broker's unclean restart (docs/reliability.md).
     */
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration("sink.commitInterval",
                    Duration.ofMillis(100), "How often the sink commits its transactions: alerts and aggregates are "
                            + "visible only then, and each commit costs the broker a marker per partition written")
            .withRule(d -> d.toMillis() >= 10 && d.toMillis() <= 60_000, "between 10 ms and 60 s");

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
    public static final List<Setting<?>> SETTINGS = List.of(APPLICATION_ID, THREADS, STATE_DIR, COMMIT_INTERVAL, GRACE,
            EMIT_INTERVAL, STORY_MEMORY, QUERY_RETENTION, HTTP_LISTEN, HTTP_ADVERTISED, TREND_MIN_COUNT,
            TREND_THRESHOLD, BACKFILL_LIMIT);

    /** The sink section of the settings. */
    public static SinkConfig from(Settings s) {
        String advertised = s.get(HTTP_ADVERTISED);
        return new SinkConfig(s.get(APPLICATION_ID), s.get(THREADS), s.get(STATE_DIR), s.get(GRACE),
                s.get(STORY_MEMORY), s.get(QUERY_RETENTION), HostAndPort.parse(s.get(HTTP_LISTEN)),
                advertised == null ? null : HostAndPort.parse(advertised), s.get(TREND_MIN_COUNT),
                s.get(TREND_THRESHOLD), s.get(BACKFILL_LIMIT), s.get(EMIT_INTERVAL), s.get(COMMIT_INTERVAL));
    }

    /** This configuration under another application id and state directory (a separate run: replay, benchmark). */
    public SinkConfig withApplicationId(String otherApplicationId, String otherStateDir) {
        return new SinkConfig(APPLICATION_ID.checked(otherApplicationId), threads, otherStateDir, grace, storyMemory,
                queryRetention, httpListen, httpAdvertised, trendMinCount, trendThreshold,
                backfillLimit, emitInterval, commitInterval);
    }

    /**
     * Where other instances reach this one ({@code application.server}): {@code sink.http.advertised} when set, else
     * the listen address, with this machine's host name for a wildcard address. Empty when the listen port is 0 and
     * nothing is advertised: other instances cannot know a port chosen at start, so this instance names no peer
     * address.
     *
     * @throws IllegalStateException when the address must be derived and this machine's host name cannot be found
     */
    public Optional<HostAndPort> advertised() {
        if (httpAdvertised != null) {
            return Optional.of(httpAdvertised);
        }
        if (httpListen.port() == 0) {
            return Optional.empty();
        }
        if (!httpListen.isWildcard()) {
            return Optional.of(httpListen);
        }
        try {
            return Optional.of(httpListen.withHost(InetAddress.getLocalHost().getCanonicalHostName()));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot find this machine's host name to advertise the sink's HTTP "
                    + "server (" + e.getMessage() + "): set sink.http.advertised", e);
        }
    }
}
