package io.newsmonitor.sink.trends;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.json.JsonSerde;
import io.newsmonitor.model.Trend;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class TrendSerdeTest {

    private static final Serde<Trend> JSON = JsonSerde.of(Trend.class);
    private static final Trend TREND = new Trend("pairs", "AL+FR", Instant.parse("2026-02-09T10:00:00Z"),
            Instant.parse("2026-02-10T10:00:00Z"), 6, 0.14, 5.49, true, List.of("a3", "é2", "a1"));

    private final Serde<Trend> serde = TrendSerde.serde(JSON);

    @Test
    void aTrendReadsBackAsWrittenAndSoDoesTheJsonOfAFormerVersion() {
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", TREND))).isEqualTo(TREND);
        assertThat(serde.deserializer().deserialize("t", JSON.serializer().serialize("t", TREND))).isEqualTo(TREND);
    }

    @Test
    void bytesOfAnotherFormatAreRefusedNamingIt() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "xyz".getBytes(UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown trend format");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unreadable trend of 2 bytes");
    }
}
