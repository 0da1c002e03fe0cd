package io.newsmonitor.sink.alerts;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Cooperation;
import io.newsmonitor.model.Evidence;
import io.newsmonitor.model.ThemeScore;
import io.newsmonitor.sink.serde.BinaryValues;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary form of {@link ClassifiedAnnouncement} for what only the sink reads: the stores of recent
 * announcements and stories (and, in versions before December 2026, the stories repartition). A format byte, then every
 * field in the record's order (strings as UTF-8 with their length, -1 for none; instants as seconds and nanoseconds).
 * Why not the contract's JSON: the sink thread wrote and read each announcement as JSON three more times than it reads
 * it from {@code announcements.classified}, and Jackson (instants above all) was its largest cost after the aggregates.
 * JSON written by a former version (a record still in the repartition topic, a store's changelog) still reads, with the
 * JSON serde given.
 */
public final class AnnouncementSerde {

    private static final byte FORMAT = 1;
    private static final byte JSON = '{';
    private static final ActorType[] TYPES = ActorType.values();

    private AnnouncementSerde() {
    }

    /** The binary serde, reading JSON with {@code json} too. */
    public static Serde<ClassifiedAnnouncement> serde(Serde<ClassifiedAnnouncement> json) {
        Serializer<ClassifiedAnnouncement> serializer = (topic, a) -> a == null ? null : write(a);
        Deserializer<ClassifiedAnnouncement> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            return bytes.length > 0 && bytes[0] == JSON ? json.deserializer().deserialize(topic, bytes) : read(bytes);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static byte[] write(ClassifiedAnnouncement a) {
        int size = 256 + (a.text() == null ? 0 : 3 * a.text().length()) + 64 * a.evidence().size();
        return BinaryValues.write(FORMAT, size, out -> {
            writeStrings(out, a.id(), a.sourceId(), a.url(), a.title(), a.language());
            writeInstant(out, a.publishedAt());
            writeInstant(out, a.fetchedAt());
            writeInstant(out, a.classifiedAt());
            writeString(out, a.text());
            out.writeInt(a.actors().size());
            for (ActorMention actor : a.actors()) {
                writeString(out, actor.id());
                out.writeByte(actor.type() == null ? -1 : actor.type().ordinal());
                writeString(out, actor.name());
                out.writeInt(actor.mentions());
            }
            writeList(out, a.countries());
            out.writeInt(a.themes().size());
            for (ThemeScore theme : a.themes()) {
                writeString(out, theme.id());
                out.writeDouble(theme.score());
            }
            out.writeBoolean(a.aiCooperation());
            writeList(out, a.cooperation().parties());
            out.writeInt(a.cooperation().pairs().size());
            for (List<String> pair : a.cooperation().pairs()) {
                writeList(out, pair);
            }
            writeList(out, a.cooperation().cues());
            writeString(out, a.storyId());
            out.writeInt(a.evidence().size());
            for (Evidence e : a.evidence()) {
                writeStrings(out, e.kind(), e.id(), e.term());
                out.writeInt(e.start());
                out.writeInt(e.end());
            }
            writeString(out, a.taxonomyVersion());
        });
    }

    static ClassifiedAnnouncement read(byte[] bytes) {
        return BinaryValues.read(bytes, FORMAT, "announcement", in -> {
            String id = readString(in);
            String sourceId = readString(in);
            String url = readString(in);
            String title = readString(in);
            String language = readString(in);
            Instant publishedAt = readInstant(in);
            Instant fetchedAt = readInstant(in);
            Instant classifiedAt = readInstant(in);
            String text = readString(in);
            int actorCount = in.readInt();
            List<ActorMention> actors = new ArrayList<>(actorCount);
            for (int i = 0; i < actorCount; i++) {
                String actorId = readString(in);
                byte type = in.readByte();
                actors.add(new ActorMention(actorId, type < 0 ? null : TYPES[type], readString(in), in.readInt()));
            }
            List<String> countries = readList(in);
            int themeCount = in.readInt();
            List<ThemeScore> themes = new ArrayList<>(themeCount);
            for (int i = 0; i < themeCount; i++) {
                themes.add(new ThemeScore(readString(in), in.readDouble()));
            }
            boolean aiCooperation = in.readBoolean();
            List<String> parties = readList(in);
            int pairCount = in.readInt();
            List<List<String>> pairs = new ArrayList<>(pairCount);
            for (int i = 0; i < pairCount; i++) {
                pairs.add(readList(in));
            }
            Cooperation cooperation = new Cooperation(parties, pairs, readList(in));
            String storyId = readString(in);
            int evidenceCount = in.readInt();
            List<Evidence> evidence = new ArrayList<>(evidenceCount);
            for (int i = 0; i < evidenceCount; i++) {
                evidence.add(new Evidence(readString(in), readString(in), readString(in), in.readInt(),
                        in.readInt()));
            }
            return new ClassifiedAnnouncement(id, sourceId, url, title, language, publishedAt, fetchedAt,
                    classifiedAt, text, actors, countries, themes, aiCooperation, cooperation, storyId, evidence,
                    readString(in));
        });
    }

    private static void writeStrings(DataOutputStream out, String... values) throws IOException {
        for (String value : values) {
            writeString(out, value);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void writeList(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readString(in));
        }
        return values;
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }
}
