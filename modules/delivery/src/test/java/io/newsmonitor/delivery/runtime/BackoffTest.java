package io.newsmonitor.delivery.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The schedule of retries: doubling from the initial wait to the max, jittered by ±25 %, Retry-After when longer. */
class BackoffTest {

    private static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(30),
            Duration.ofHours(12));
    private static final double MIDDLE = 0.5;

    @Test
    void doublesFromTheInitialWaitUpToTheMax() {
        assertThat(IntStream.rangeClosed(1, 10)
                .mapToObj(failures -> DEFAULT.delay(failures, MIDDLE, null).toSeconds()))
                .containsExactly(10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 1800L, 1800L);
        assertThat(DEFAULT.delay(10_000, MIDDLE, null)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void jittersByAQuarterEitherWayButNeverPastTheMax() {
        assertThat(DEFAULT.delay(1, 0.0, null)).isEqualTo(Duration.ofMillis(7_500));
        assertThat(DEFAULT.delay(1, 0.999_999, null)).isBetween(Duration.ofMillis(12_499), Duration.ofMillis(12_500));
        assertThat(DEFAULT.delay(9, 0.0, null)).isEqualTo(Duration.ofSeconds(1350));
        assertThat(DEFAULT.delay(9, 0.999_999, null)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aLongerRetryAfterWinsEvenOverTheMax() {
        assertThat(DEFAULT.delay(1, MIDDLE, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(10));
        assertThat(DEFAULT.delay(1, MIDDLE, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
        assertThat(DEFAULT.delay(12, MIDDLE, Duration.ofHours(2))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aRetryAfterLongerThanTheGiveUpTimeWaitsOnlyThatLong() {
        assertThat(DEFAULT.delay(1, MIDDLE, Duration.ofDays(365 * 31))).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void triesThirtyOneTimesInTwelveHoursByDefault() {
        Duration total = Duration.ZERO;
        int attempts = 1;
        while (total.plus(DEFAULT.delay(attempts, MIDDLE, null)).compareTo(Duration.ofHours(12)) <= 0) {
            total = total.plus(DEFAULT.delay(attempts, MIDDLE, null));
            attempts++;
        }

        assertThat(attempts).isEqualTo(31);
    }
}
