package io.newsmonitor.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.delivery.http.Outcome.Kind;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each answer means: delivered, retried later, or given up at once. */
class OutcomeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "200, DELIVERED", "201, DELIVERED", "202, DELIVERED", "204, DELIVERED", "299, DELIVERED",
            "500, RETRY", "502, RETRY", "503, RETRY", "504, RETRY", "408, RETRY", "429, RETRY",
            "400, PERMANENT", "401, PERMANENT", "403, PERMANENT", "404, PERMANENT", "410, PERMANENT",
            "413, PERMANENT", "422, PERMANENT", "301, PERMANENT", "302, PERMANENT", "307, PERMANENT",
            "101, PERMANENT"})
    void classifiesStatuses(int status, Kind kind) {
        Outcome outcome = Outcome.ofStatus(status, "https://hooks.example.org/in", null);

        assertThat(outcome.kind()).isEqualTo(kind);
        if (kind != Kind.DELIVERED) {
            assertThat(outcome.reason()).isEqualTo("http_" + status);
            assertThat(outcome.error()).startsWith("https://hooks.example.org/in answered " + status);
        }
    }

    @ParameterizedTest
    @CsvSource({"503", "429"})
    void keepsWhatRetryAfterAsksOnlyForRetries(int status) {
        assertThat(Outcome.ofStatus(status, "a", Duration.ofSeconds(90)).retryAfter())
                .isEqualTo(Duration.ofSeconds(90));
    }
}
