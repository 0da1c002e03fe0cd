package io.newsmonitor.delivery.config;

import io.newsmonitor.config.ConfigException;
import io.newsmonitor.config.Setting;
import io.newsmonitor.config.Settings;
import java.time.Duration;
import java.util.List;

/**
 * Webhook delivery's settings ({@code delivery.*} in {@code newsmonitor.yaml}), each declared once with its default,
 * meaning and validation.
 *
 * @param enabled        whether the sink role's processes deliver alerts to webhooks
 * @param groupId        consumer group of the delivery instances on the alerts topic
 * @param userAgent      {@code User-Agent} of every webhook request
 * @param connectTimeout longest wait for a connection to a webhook
 * @param timeout        longest time for one whole attempt (connect, send, answer)
 * @param initialBackoff wait before the first retry of a failing webhook; doubled after each further failure
 * @param maxBackoff     longest wait between two attempts
 * @param giveUpAfter    how long an alert may wait for its webhook before it goes to the undelivered topic
 * @param maxPending     alerts read and not yet delivered or dead-lettered above which reading pauses
 * @param maxConcurrent  webhook requests in flight at once, over all subscriptions
 * @param stateInterval  least time between two delivery-state records of one subscription
 */
public record DeliveryConfig(boolean enabled, String groupId, String userAgent, Duration connectTimeout,
                             Duration timeout, Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter,
                             int maxPending, int maxConcurrent, Duration stateInterval) {

    private static final String POSITIVE = "positive";

    public static final Setting<Boolean> ENABLED = Setting.bool("delivery.enabled", true,
            "Deliver alerts to the webhooks of subscriptions, in every process running the sink role");
    public static final Setting<String> GROUP_ID = Setting.string("delivery.groupId", "newsmonitor-delivery",
                    "Consumer group of webhook delivery on the alerts topic: instances with the same id share the "
                            + "alerts")
            .withRule(s -> s.matches("[A-Za-z0-9._-]+"), "letters, digits, '.', '_' or '-'");
    public static final Setting<String> USER_AGENT = Setting.string("delivery.userAgent",
            "newsmonitor-webhooks/0.1 (+https://github.com/newsmonitor/newsmonitor)",
            "User-Agent header of every webhook request").withRule(s -> !s.isBlank(), "not blank");
    public static final Setting<Duration> CONNECT_TIMEOUT = Setting.duration("delivery.connectTimeout",
            Duration.ofSeconds(10), "Longest wait for a connection to a webhook")
            .withRule(DeliveryConfig::positive, POSITIVE);
    public static final Setting<Duration> TIMEOUT = Setting.duration("delivery.timeout", Duration.ofSeconds(30),
                    "Longest time for one whole webhook attempt (connect, send, answer); longer counts as a failed "
                            + "attempt and is retried")
            .withRule(DeliveryConfig::positive, POSITIVE);
    public static final Setting<Duration> INITIAL_BACKOFF = Setting.duration("delivery.initialBackoff",
                    Duration.ofSeconds(10), "Wait before retrying a failing webhook; doubled after each further "
                            + "failure (with jitter), up to delivery.maxBackoff")
            .withRule(DeliveryConfig::positive, POSITIVE);
    public static final Setting<Duration> MAX_BACKOFF = Setting.duration("delivery.maxBackoff",
                    Duration.ofMinutes(30), "Longest wait between two attempts at a failing webhook, unless its "
                            + "Retry-After asks for longer")
            .withRule(DeliveryConfig::positive, POSITIVE);
    public static final Setting<Duration> GIVE_UP_AFTER = Setting.duration("delivery.giveUpAfter",
                    Duration.ofHours(12), "How long an alert may wait for its webhook to accept it before it goes "
                            + "to the undelivered-alerts topic")
            .withRule(DeliveryConfig::positive, POSITIVE);
    public static final Setting<Integer> MAX_PENDING = Setting.integer("delivery.maxPending", 10_000,
                    "Alerts read and not yet delivered or dead-lettered above which this instance stops reading "
                            + "alerts until some are done")
            .withRule(n -> n >= 1, "at least 1");
    public static final Setting<Integer> MAX_CONCURRENT = Setting.integer("delivery.maxConcurrent", 32,
                    "Webhook requests in flight at once, over all subscriptions (one at a time per subscription)")
            .withRule(n -> n >= 1 && n <= 1024, "between 1 and 1024");
    public static final Setting<Duration> STATE_INTERVAL = Setting.duration("delivery.stateInterval",
                    Duration.ofSeconds(1), "Least time between two records of one subscription's delivery state")
            .withRule(d -> !d.isNegative(), "not negative");

    /** Every setting of this section. */
    public static final List<Setting<?>> SETTINGS = List.of(ENABLED, GROUP_ID, USER_AGENT, CONNECT_TIMEOUT, TIMEOUT,
            INITIAL_BACKOFF, MAX_BACKOFF, GIVE_UP_AFTER, MAX_PENDING, MAX_CONCURRENT, STATE_INTERVAL);

    /**
     * The delivery section of the settings.
     *
     * @throws ConfigException when {@code delivery.maxBackoff} is shorter than {@code delivery.initialBackoff}
     */
    public static DeliveryConfig from(Settings s) {
        if (s.get(MAX_BACKOFF).compareTo(s.get(INITIAL_BACKOFF)) < 0) {
            throw new ConfigException(s.file(), MAX_BACKOFF.key(), "must not be shorter than "
                    + INITIAL_BACKOFF.key() + " (" + s.get(INITIAL_BACKOFF) + "), got " + s.get(MAX_BACKOFF));
        }
        return new DeliveryConfig(s.get(ENABLED), s.get(GROUP_ID), s.get(USER_AGENT), s.get(CONNECT_TIMEOUT),
                s.get(TIMEOUT), s.get(INITIAL_BACKOFF), s.get(MAX_BACKOFF), s.get(GIVE_UP_AFTER), s.get(MAX_PENDING),
                s.get(MAX_CONCURRENT), s.get(STATE_INTERVAL));
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
