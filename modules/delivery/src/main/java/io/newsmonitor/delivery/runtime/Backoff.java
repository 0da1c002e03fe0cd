package io.newsmonitor.delivery.runtime;

import java.time.Duration;

/**
 * How long a failing webhook is left alone before the next attempt: {@code initial} after the first failure, doubled
 * after each further one up to {@code max}, times a random factor between 0.75 and 1.25 (capped at {@code max}
 * again) so that many alerts failing together do not all come back at once. A longer {@code Retry-After} from the
 * webhook wins, even over {@code max}: the webhook knows best when it can take more (the give-up time still holds),
 * up to {@code retryAfterLimit}, so that a webhook answering "come back in 30 years" is tried again for the alerts
 * raised after its pending ones were given up.
 *
 * @param initial         wait after the first failure
 * @param max             longest wait the doubling reaches
 * @param retryAfterLimit longest {@code Retry-After} honoured (the deliverer's give-up time)
 */
public record Backoff(Duration initial, Duration max, Duration retryAfterLimit) {

    /** Above this many doublings any positive initial wait is past any max wait a Duration holds. */
    private static final int MAX_DOUBLINGS = 40;

    /**
     * The wait before the next attempt.
     *
     * @param failures   consecutive failures so far, at least 1
     * @param random     a random number in [0, 1)
     * @param retryAfter what the webhook asked for, or {@code null}
     */
    public Duration delay(int failures, double random, Duration retryAfter) {
        Duration nominal = initial.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, MAX_DOUBLINGS));
        if (nominal.compareTo(max) > 0) {
            nominal = max;
        }
        Duration jittered = Duration.ofNanos((long) (nominal.toNanos() * (0.75 + 0.5 * random)));
        Duration delay = jittered.compareTo(max) > 0 ? max : jittered;
        if (retryAfter == null || retryAfter.compareTo(delay) <= 0) {
            return delay;
        }
        return retryAfter.compareTo(retryAfterLimit) > 0 ? retryAfterLimit : retryAfter;
    }
}
