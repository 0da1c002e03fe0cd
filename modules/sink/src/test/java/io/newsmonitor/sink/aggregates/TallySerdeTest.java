package io.newsmonitor.sink.aggregates;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TallySerdeTest {

    @Test
    void aTallyReadsBackAsWritten() {
        Tally tally = Tally.empty().plus("a1", 1_000L).plus("é-ü-2", 3_000L).plus("a3", 2_000L);

        byte[] bytes = TallySerde.write(tally);

        assertThat(TallySerde.read(bytes)).isEqualTo(tally);
        assertThat(TallySerde.read(bytes).sampleIds()).containsExactly("é-ü-2", "a3", "a1");
        assertThat(TallySerde.read(TallySerde.write(Tally.empty()))).isEqualTo(new Tally(0, List.of()));
    }

    @Test
    void bytesOfAnotherFormatAreRefusedNamingIt() {
        assertThatThrownBy(() -> TallySerde.read("{\"count\":1}".getBytes(UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown tally format");
        assertThatThrownBy(() -> TallySerde.read(new byte[] {1, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unreadable tally of 2 bytes");
    }
}
