package io.newsmonitor.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.json.JsonSerde;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The deduplicator's binary values: what is written is read back, and the JSON of earlier versions still reads. */
class DedupSerdesTest {

    private static final Remembered REMEMBERED = new Remembered("a1", "s1", 1_700_000_000_000L,
            new long[] {-5, 3, 9_000_000_000L}, new int[] {7, -1, 42}, List.of("AL", "FR", "inetum"),
            List.of("ai", "skills"), "fr", List.of("AL", "FR"), List.of("200", "tirana"));

    @Test
    void aRememberedAnnouncementReadsBackAsWritten() {
        Remembered read = DedupSerdes.remembered().deserializer().deserialize("store",
                DedupSerdes.remembered().serializer().serialize("store", REMEMBERED));

        assertSame(read, REMEMBERED);
    }

    @Test
    void aRememberedAnnouncementStoredAsJsonByAnEarlierVersionStillReads() {
        byte[] json = JsonSerde.of(Remembered.class).serialize("store", REMEMBERED);

        assertSame(DedupSerdes.remembered().deserializer().deserialize("store", json), REMEMBERED);
    }

    @Test
    void storyFactsReadBackAndABareIdOfAnEarlierVersionReadsAsNone() {
        StoryFacts facts = StoryFacts.of(REMEMBERED);

        StoryFacts read = DedupSerdes.readStoryFacts("index", DedupSerdes.write(facts));

        assertThat(read.id()).isEqualTo("a1");
        assertThat(read.words()).containsExactly(7, -1, 42);
        assertThat(read.anchors()).containsExactly("200", "tirana");
        assertThat(DedupSerdes.readStoryFacts("index", "a1".getBytes())).isNull();
    }

    @Test
    void aTruncatedValueIsRefusedNamingTheStoreAndType() {
        byte[] whole = DedupSerdes.remembered().serializer().serialize("store", REMEMBERED);

        assertThatThrownBy(() -> DedupSerdes.remembered().deserializer().deserialize("dedup-signatures",
                Arrays.copyOf(whole, whole.length - 5)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Remembered").hasMessageContaining("dedup-signatures");
    }

    private static void assertSame(Remembered read, Remembered expected) {
        assertThat(read.id()).isEqualTo(expected.id());
        assertThat(read.storyId()).isEqualTo(expected.storyId());
        assertThat(read.eventTime()).isEqualTo(expected.eventTime());
        assertThat(read.shingles()).containsExactly(expected.shingles());
        assertThat(read.words()).containsExactly(expected.words());
        assertThat(read.actors()).isEqualTo(expected.actors());
        assertThat(read.themes()).isEqualTo(expected.themes());
        assertThat(read.language()).isEqualTo(expected.language());
        assertThat(read.salient()).isEqualTo(expected.salient());
        assertThat(read.anchors()).isEqualTo(expected.anchors());
    }
}
