package io.newsmonitor.poller.config;

import io.newsmonitor.config.Setting;
import io.newsmonitor.config.Settings;
import io.newsmonitor.poller.http.HttpSettings;
import io.newsmonitor.poller.websub.WebSubSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The poller's settings ({@code poller.*} in {@code newsmonitor.yaml}), each declared once with its default, meaning
 * and validation.
 *
 * @param http            HTTP behaviour
 * @param runtime         how the instance runs
 * @param hostGap         least time between two requests to one host, and between two polls of it
 * @param seenWindow      ids remembered per source
 * @param futureTolerance how far in the future a date may be before it is taken as wrong
 * @param maxTextChars    longest summary and content published, in characters
 * @param respectRobots   whether each site's robots.txt is asked before fetching from it
 * @param websub          how WebSub pushes are received
 */
public record PollerConfig(HttpSettings http, PollerSettings runtime, Duration hostGap, int seenWindow,
                           Duration futureTolerance, int maxTextChars, boolean respectRobots,
                           WebSubSettings websub) {

    public static final Setting<String> GROUP_ID = Setting.string("poller.groupId", "newsmonitor-poller",
            "Consumer group shared by every poller instance; instances of one group share the sources");
    public static final Setting<String> INSTANCE_ID = Setting.string("poller.instanceId", null,
                    "Id of this instance, unique among running ones (default: random per process)")
            .withRule(s -> s.matches("[A-Za-z0-9._-]+"), "letters, digits, '.', '_' or '-'");
    public static final Setting<Integer> WORKERS = Setting.integer("poller.workers", 32,
            "Threads fetching and parsing in parallel").withRule(n -> n >= 1 && n <= 1024, "between 1 and 1024");
    public static final Setting<String> USER_AGENT = Setting.string("poller.userAgent",
            "newsmonitor/0.1 (AI-cooperation news monitor; +https://github.com/newsmonitor/newsmonitor)",
            "User-Agent header sent with every request").withRule(s -> !s.isBlank(), "not blank");
    public static final Setting<Duration> CONNECT_TIMEOUT = Setting.duration("poller.connectTimeout",
            Duration.ofSeconds(10), "Longest wait for a connection").withRule(d -> !d.isNegative() && !d.isZero(),
            "positive");
    public static final Setting<Duration> TOTAL_TIMEOUT = Setting.duration("poller.totalTimeout",
            Duration.ofSeconds(30), "Longest time for a whole exchange, body included")
            .withRule(d -> !d.isNegative() && !d.isZero(), "positive");
    public static final Setting<Integer> MAX_BODY_BYTES = Setting.integer("poller.maxBodyBytes", 10 * 1024 * 1024,
                    "Largest body read, after decompression; a larger or endless one is cut off")
            .withRule(n -> n >= 1024, "at least 1024");
    public static final Setting<Integer> MAX_REDIRECTS = Setting.integer("poller.maxRedirects", 5,
            "Most redirects followed").withRule(n -> n >= 0 && n <= 20, "between 0 and 20");
    public static final Setting<Duration> HOST_GAP = Setting.duration("poller.hostGap", Duration.ofSeconds(1),
            "Least time between two requests to one host").withRule(d -> !d.isNegative(), "not negative");
    public static final Setting<Integer> SEEN_WINDOW = Setting.integer("poller.seenWindow", 2000,
                    "Announcement ids remembered per source to recognise items already published")
            .withRule(n -> n >= 10, "at least 10");
    public static final Setting<Duration> FUTURE_TOLERANCE = Setting.duration("poller.futureTolerance",
                    Duration.ofDays(1), "How far in the future a publication date may be before it is dropped")
            .withRule(d -> !d.isNegative(), "not negative");
    public static final Setting<Integer> MAX_TEXT_CHARS = Setting.integer("poller.maxTextChars", 100_000,
                    "Longest summary and content published, in characters; longer texts are cut at a word boundary "
                            + "and end with '…', so that every announcement fits in one Kafka record")
            .withRule(n -> n >= 1_000 && n <= 100_000, "between 1000 and 100000");
    public static final Setting<Duration> SESSION_TIMEOUT = Setting.duration("poller.sessionTimeout",
                    Duration.ofSeconds(15), "How long before a silent instance's sources move to the others")
            .withRule(d -> d.toMillis() >= 3000, "at least 3s");

    public static final Setting<Boolean> RESPECT_ROBOTS = Setting.bool("poller.respectRobots", true,
            "Ask each site's robots.txt (as 'newsmonitor') before fetching from it");

    public static final Setting<String> WEBSUB_CALLBACK = Setting.string("poller.websub.callbackUrl", null,
                    "Address at which WebSub hubs reach this instance's callback server, such as "
                            + "https://poller1.example.org/websub; unset, WebSub is off")
            .withRule(s -> s.matches("https?://[^\\s]+"), "an http(s) address");
    public static final Setting<String> WEBSUB_LISTEN = Setting.string("poller.websub.listen", "0.0.0.0:8089",
                    "host:port the WebSub callback server listens on")
            .withRule(s -> s.matches("[^\\s:]+:\\d{1,5}"), "host:port");
    public static final Setting<Integer> WEBSUB_LEASE = Setting.integer("poller.websub.leaseSeconds", 86_400,
            "Lease asked of WebSub hubs; renewed before it ends").withRule(n -> n >= 60, "at least 60");
    public static final Setting<Duration> WEBSUB_SAFETY = Setting.duration("poller.websub.safetyInterval",
                    Duration.ofHours(1), "Slowest polling of a source while its hub pushes (pushes can be lost)")
            .withRule(d -> !d.isNegative() && !d.isZero(), "positive");

    /** Every setting of this section. */
    public static final List<Setting<?>> SETTINGS = List.of(GROUP_ID, INSTANCE_ID, WORKERS, USER_AGENT,
            CONNECT_TIMEOUT, TOTAL_TIMEOUT, MAX_BODY_BYTES, MAX_REDIRECTS, HOST_GAP, SEEN_WINDOW, FUTURE_TOLERANCE,
            MAX_TEXT_CHARS, SESSION_TIMEOUT, RESPECT_ROBOTS, WEBSUB_CALLBACK, WEBSUB_LISTEN, WEBSUB_LEASE, WEBSUB_SAFETY);

    /** The poller section of the settings. */
    public static PollerConfig from(Settings settings) {
        String instance = settings.get(INSTANCE_ID);
        return new PollerConfig(
                new HttpSettings(settings.get(USER_AGENT), settings.get(CONNECT_TIMEOUT), settings.get(TOTAL_TIMEOUT),
                        settings.get(MAX_BODY_BYTES), settings.get(MAX_REDIRECTS)),
                new PollerSettings(settings.get(GROUP_ID),
                        instance == null ? PollerSettings.randomInstanceId() : instance,
                        settings.get(WORKERS), settings.get(SESSION_TIMEOUT)),
                settings.get(HOST_GAP), settings.get(SEEN_WINDOW), settings.get(FUTURE_TOLERANCE),
                settings.get(MAX_TEXT_CHARS), settings.get(RESPECT_ROBOTS), websub(settings));
    }

    private static WebSubSettings websub(Settings settings) {
        String callback = settings.get(WEBSUB_CALLBACK);
        String listen = settings.get(WEBSUB_LISTEN);
        int colon = listen.lastIndexOf(':');
        return new WebSubSettings(callback == null ? null : URI.create(callback),
                listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)), settings.get(WEBSUB_LEASE),
                settings.get(WEBSUB_SAFETY));
    }
}
