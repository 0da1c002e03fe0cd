package io.newsmonitor.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After in either form, and what is not one. */
class HttpTimesTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void readsSecondsAndDates() {
        assertThat(HttpTimes.retryAfter("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(HttpTimes.retryAfter(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(HttpTimes.retryAfter("Sat, 01 Mar 2025 12:05:00 GMT", NOW)).contains(Duration.ofMinutes(5));
    }

    @Test
    void capsSecondsLongerThanAnyScheduleAtAboutThirtyYears() {
        assertThat(HttpTimes.retryAfter("999999999", NOW)).contains(Duration.ofSeconds(999_999_999));
        assertThat(HttpTimes.retryAfter("1000000000", NOW)).contains(Duration.ofSeconds(HttpTimes.MAX_SECONDS));
        assertThat(HttpTimes.retryAfter("99999999999999999999", NOW))
                .contains(Duration.ofSeconds(HttpTimes.MAX_SECONDS));
        assertThat(HttpTimes.retryAfter("0000000000007", NOW)).contains(Duration.ofSeconds(7));
        assertThat(HttpTimes.retryAfter("0000000000000000000007", NOW)).contains(Duration.ofSeconds(7));
        assertThat(HttpTimes.retryAfter("00000000000000000000", NOW)).contains(Duration.ZERO);
    }

    @Test
    void ignoresWhatItCannotUse() {
        assertThat(HttpTimes.retryAfter(null, NOW)).isEmpty();
        assertThat(HttpTimes.retryAfter("soon", NOW)).isEmpty();
        assertThat(HttpTimes.retryAfter("-5", NOW)).isEmpty();
        assertThat(HttpTimes.retryAfter("", NOW)).isEmpty();
        assertThat(HttpTimes.retryAfter("12 s", NOW)).isEmpty();
        assertThat(HttpTimes.retryAfter("Sat, 01 Mar 2025 11:00:00 GMT", NOW)).as("past").isEmpty();
    }
}
