package io.newsmonitor.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.json.JsonSerde;
import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Cooperation;
import io.newsmonitor.model.Evidence;
import io.newsmonitor.model.ThemeScore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The deduplicator's binary values: what is written is read back, and the values of earlier versions (JSON, a candidate
 * with its announcement as JSON) still read.
 */
class DedupSerdesTest {

    private static final Remembered REMEMBERED = new Remembered("a1", "s1", 1_700_000_000_000L,
            new long[] {-5, 3, 9_000_000_000L}, new int[] {7, -1, 42}, List.of("AL", "FR", "inetum"),
            List.of("ai", "skills"), "fr", List.of("AL", "FR"), List.of("200", "tirana"), 1_699_990_000_000L);

    private static final ClassifiedAnnouncement ANNOUNCEMENT = new ClassifiedAnnouncement("a1", "elysee",
            "https://www.elysee.fr/a1", "La France et l'Albanie", "fr", Instant.parse("2026-02-10T09:00:00.123456789Z"),
            Instant.parse("2026-02-10T09:01:00Z"), null, "La France et l'Albanie, avec Inetum, à Tirana 😀",
            List.of(new ActorMention("FR", ActorType.COUNTRY, "France", 2),
                    new ActorMention("inetum", ActorType.ORGANISATION, "Inetum", 1)),
            List.of("AL", "FR"), List.of(new ThemeScore("ai", 2.75), new ThemeScore("skills", 0.1)), true,
            new Cooperation(List.of("AL", "FR"), List.of(List.of("AL", "FR")), List.of("coopération")), "s0",
            List.of(new Evidence("actor", "FR", "France", 3, 9)), "v1");
    private static final Candidate CANDIDATE = new Candidate(ANNOUNCEMENT, new Fingerprint(
            List.of("url:https://www.elysee.fr/a1", "text:ab12"), new long[] {-5, 3}, new int[] {1, 2, 3},
            new int[] {4, -5}, List.of("AL", "FR"), List.of("tirana"), 1_770_714_000_123L));

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
        assertThat(read.storyStart()).isEqualTo(1_699_990_000_000L);
        assertThat(DedupSerdes.readStoryFacts("index", "a1".getBytes())).isNull();
    }

    @Test
    void valuesWrittenBeforeStoriesHadAStartReadWithTheirOwnTimeAsTheStart() {
        byte[] remembered = DedupSerdes.remembered().serializer().serialize("store", REMEMBERED);
        byte[] facts = DedupSerdes.write(StoryFacts.of(REMEMBERED));

        Remembered earlierRemembered = DedupSerdes.remembered().deserializer().deserialize("store",
                Arrays.copyOf(remembered, remembered.length - Long.BYTES));
        StoryFacts earlierFacts = DedupSerdes.readStoryFacts("index", Arrays.copyOf(facts, facts.length - Long.BYTES));

        assertThat(earlierRemembered.storyStart()).isEqualTo(REMEMBERED.eventTime());
        assertThat(earlierRemembered.anchors()).isEqualTo(REMEMBERED.anchors());
        assertThat(earlierFacts.storyStart()).isEqualTo(REMEMBERED.eventTime());
        assertThat(earlierFacts.words()).containsExactly(7, -1, 42);
    }

    @Test
    void aCandidateReadsBackAsWrittenWithEveryFieldOfItsAnnouncement() {
        Candidate read = DedupSerdes.candidate().deserializer().deserialize("repartition",
                DedupSerdes.candidate().serializer().serialize("repartition", CANDIDATE));

        assertThat(read.announcement()).isEqualTo(CANDIDATE.announcement());
        assertSame(read.fingerprint(), CANDIDATE.fingerprint());
    }

    @Test
    void aCandidateOfAnEarlierVersionWithItsAnnouncementAsJsonStillReads() {
        byte[] json = JsonSerde.of(ClassifiedAnnouncement.class).serialize("repartition", CANDIDATE.announcement());
        Fingerprint f = CANDIDATE.fingerprint();
        ByteBuffer earlier = ByteBuffer.allocate(4096);
        earlier.put((byte) 1).putInt(json.length).put(json);
        strings(earlier, f.exactKeys());
        earlier.putInt(f.shingles().length);
        Arrays.stream(f.shingles()).forEach(earlier::putLong);
        for (int[] ints : List.of(f.signature(), f.words())) {
            earlier.putInt(ints.length);
            Arrays.stream(ints).forEach(earlier::putInt);
        }
        strings(earlier, f.salient());
        strings(earlier, f.anchors());
        earlier.putLong(f.eventTime());

        Candidate read = DedupSerdes.candidate().deserializer().deserialize("repartition",
                Arrays.copyOf(earlier.array(), earlier.position()));

        assertThat(read.announcement()).isEqualTo(CANDIDATE.announcement());
        assertSame(read.fingerprint(), CANDIDATE.fingerprint());
    }

    /** A list of strings as the earlier version wrote it: a count, then each string's length and UTF-8 bytes. */
    private static void strings(ByteBuffer buffer, List<String> strings) {
        buffer.putInt(strings.size());
        for (String s : strings) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            buffer.putInt(bytes.length).put(bytes);
        }
    }

    @Test
    void aTruncatedValueIsRefusedNamingTheStoreAndType() {
        byte[] whole = DedupSerdes.remembered().serializer().serialize("store", REMEMBERED);

        assertThatThrownBy(() -> DedupSerdes.remembered().deserializer().deserialize("dedup-signatures",
                Arrays.copyOf(whole, whole.length - 5)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Remembered").hasMessageContaining("dedup-signatures");
    }

    private static void assertSame(Fingerprint read, Fingerprint expected) {
        assertThat(read.exactKeys()).isEqualTo(expected.exactKeys());
        assertThat(read.shingles()).containsExactly(expected.shingles());
        assertThat(read.signature()).containsExactly(expected.signature());
        assertThat(read.words()).containsExactly(expected.words());
        assertThat(read.salient()).isEqualTo(expected.salient());
        assertThat(read.anchors()).isEqualTo(expected.anchors());
        assertThat(read.eventTime()).isEqualTo(expected.eventTime());
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
        assertThat(read.storyStart()).isEqualTo(expected.storyStart());
        assertThat(read.salient()).isEqualTo(expected.salient());
        assertThat(read.anchors()).isEqualTo(expected.anchors());
    }
}
