package io.newsmonitor.sink.trends;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** A key's hourly numbers: growths add up per bucket, and the sums follow the stream's hour. */
class TrendHistoryTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final TrendWindow NOON = TrendWindow.at(Instant.parse("2026-02-24T12:00:00Z").toEpochMilli());

    @Test
    void growthsAddUpInTheirBucketsAndSplitIntoRecentAndBaseline() {
        TrendHistory history = TrendHistory.empty()
                .plus(NOON.hour(), 4, NOON)
                .plus(NOON.hour(), 2, NOON)
                .plus(NOON.hour() - 3 * HOUR, 1, NOON)
                .plus(NOON.hour() - Duration.ofDays(3).toMillis(), 7, NOON);

        assertThat(history.at(NOON)).isEqualTo(new TrendState(NOON.hour(), 7, 7));
    }

    @Test
    void atALaterHourABucketMovesFromTheRecentWindowToTheBaselineAndThenOut() {
        TrendHistory history = TrendHistory.empty().plus(NOON.hour(), 3, NOON);
        TrendWindow nextDay = TrendWindow.at(NOON.hour() + Duration.ofDays(1).toMillis());
        TrendWindow afterHistory = TrendWindow.at(NOON.hour() + TrendWindow.HISTORY.toMillis());

        assertThat(history.at(nextDay)).isEqualTo(new TrendState(nextDay.hour(), 0, 3));
        assertThat(history.at(afterHistory)).isEqualTo(new TrendState(afterHistory.hour(), 0, 0));
        assertThat(history.endsBefore(nextDay)).isFalse();
        assertThat(history.endsBefore(afterHistory)).isTrue();
        assertThat(history.plus(afterHistory.hour(), 1, afterHistory).hourly()).containsOnlyKeys(afterHistory.hour());
    }

    @Test
    void aHistoryReadsBackAsWrittenAndAFormerJsonStateReadsAsNothing() {
        TrendHistory history = TrendHistory.empty().plus(NOON.hour(), 12, NOON).plus(NOON.hour() - HOUR, 1, NOON);

        assertThat(TrendHistorySerde.read(TrendHistorySerde.write(history))).isEqualTo(history);
        assertThat(TrendHistorySerde.read("{\"hour\":0,\"count\":1,\"baseline\":2}".getBytes(UTF_8)))
                .as("rebuilt from the hourly store").isNull();
        assertThatThrownBy(() -> TrendHistorySerde.read(new byte[] {2, 0, 0, 0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unreadable trend history");
    }
}
