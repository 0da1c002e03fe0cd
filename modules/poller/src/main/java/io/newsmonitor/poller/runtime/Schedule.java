package io.newsmonitor.poller.runtime;

import io.newsmonitor.model.FeedSource;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to poll a source next. Adaptive by default: the interval halves when a poll finds new items and grows by half
 * when it finds none, within the source's bounds; it never undercuts what the server asked for (RSS {@code <ttl>},
 * {@code Cache-Control: max-age}, {@code Expires}) unless that exceeds the source's maximum. Failures back off
 * exponentially up to the maximum, and {@code Retry-After} is honoured. Every delay gets ±10 % jitter so that many
 * sources configured alike do not fire together.
 */
public final class Schedule {

    private static final double JITTER = 0.10;
    private static final Duration FIRST_POLL_SPREAD = Duration.ofSeconds(5);

    private final RandomGenerator random;

    public Schedule(RandomGenerator random) {
        this.random = random;
    }

    /** The interval after a successful poll. */
    public Duration afterSuccess(FeedSource source, Duration current, int newItems, Duration serverHint) {
        Duration interval = current == null ? source.interval() : current;
        if (source.adaptive()) {
            interval = newItems > 0 ? interval.dividedBy(2) : interval.plus(interval.dividedBy(2));
        } else {
            interval = source.interval();
        }
        if (serverHint != null && serverHint.compareTo(interval) > 0) {
            interval = serverHint;
        }
        return clamp(interval, source.minInterval(), source.maxInterval());
    }

    /**
     * The delay after the {@code failures}-th consecutive failure: exponential from the source's minimum, or straight
     * to its maximum when the failure is permanent (a 404 will not heal in a minute). A server's {@code Retry-After}
     * is honoured when longer, but never beyond the source's maximum, so that a hostile or mistaken header (a
     * century) cannot park a source for good.
     *
     * @param permanent  whether the source must change before it can work
     * @param retryAfter what the server asked for, or {@code null}
     */
    public Duration afterFailure(FeedSource source, int failures, boolean permanent, Duration retryAfter) {
        Duration backoff = permanent ? source.maxInterval()
                : clamp(source.minInterval().multipliedBy(1L << Math.min(failures, 16)),
                source.minInterval(), source.maxInterval());
        if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
            backoff = clamp(retryAfter, source.minInterval(), source.maxInterval());
        }
        return backoff;
    }

    /** {@code now + delay}, with jitter; {@code delay} is at most a source's maximum interval, so this cannot overflow. */
    public Instant next(Instant now, Duration delay) {
        double factor = 1 + (random.nextDouble() * 2 - 1) * JITTER;
        return now.plusMillis(Math.max(0, (long) (delay.toMillis() * factor)));
    }

    /** A first poll time spread over the first seconds, so a thousand sources do not start at once. */
    public Instant first(FeedSource source, Instant now) {
        long spread = Math.min(source.interval().toMillis(), FIRST_POLL_SPREAD.toMillis());
        return now.plusMillis((long) (random.nextDouble() * spread));
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }
}
