package io.newsmonitor.sink.alerts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.json.JsonSerde;
import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Cooperation;
import io.newsmonitor.model.Evidence;
import io.newsmonitor.model.ThemeScore;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class AnnouncementSerdeTest {

    private static final Serde<ClassifiedAnnouncement> JSON = JsonSerde.of(ClassifiedAnnouncement.class);
    private final Serde<ClassifiedAnnouncement> serde = AnnouncementSerde.serde(JSON);

    private static ClassifiedAnnouncement full() {
        return new ClassifiedAnnouncement("a1", "src", "https://example.org/a1", "Titre « été »", "fr",
                Instant.parse("2026-02-10T09:30:00.123456789Z"), Instant.parse("2026-02-10T09:31:00Z"),
                Instant.parse("2026-02-10T09:31:02Z"), "L'Albanie et la France signent un accord sur l'IA.",
                List.of(new ActorMention("AL", ActorType.COUNTRY, "Albanie", 2),
                        new ActorMention("inetum", ActorType.ORGANISATION, null, 1)),
                List.of("AL", "FR"), List.of(new ThemeScore("ai", 4.5)), true,
                new Cooperation(List.of("AL", "FR"), List.of(List.of("AL", "FR")), List.of("accord")), "story-1",
                List.of(new Evidence("theme", "ai", "IA", 47, 49)), "v1");
    }

    @Test
    void anAnnouncementReadsBackAsWritten() {
        ClassifiedAnnouncement a = full();

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", a))).isEqualTo(a);
    }

    @Test
    void missingFieldsReadBackMissing() {
        ClassifiedAnnouncement sparse = new ClassifiedAnnouncement("a2", null, null, null, null, null,
                Instant.parse("2026-02-10T09:31:00Z"), null, null, null, null, null, false, null, null, null, null);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", sparse)))
                .isEqualTo(sparse);
    }

    @Test
    void jsonWrittenByAFormerVersionStillReads() {
        ClassifiedAnnouncement a = full();

        assertThat(serde.deserializer().deserialize("t", JSON.serializer().serialize("t", a))).isEqualTo(a);
    }

    @Test
    void bytesOfAnotherFormatAreRefusedNamingIt() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "xyz".getBytes(UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown announcement format");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unreadable announcement");
    }
}
