package io.newsmonitor.processor.dedup;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary serdes of what the deduplicator stores ({@link Remembered}) and of what crosses its repartition
 * ({@link Candidate}): a signature is hundreds of numbers, which JSON spends most of the deduplicator's time writing
 * and parsing (profiled: 15 % of the processor's CPU went to parsing the JSON numbers of {@link Remembered}).
 *
 * <p>A value starts with a format byte. Values written as JSON by earlier versions (they start with <code>{</code>)
 * are still read, so that state stores and repartition records survive an upgrade.
 */
public final class DedupSerdes {

    private static final byte FORMAT = 1;
    /**
     * Of a candidate whose announcement is binary too: Jackson writing and reading the announcement was most of the
     * repartition's serialisation (profiled: about 6 % of the processor thread). Format 1 (announcement as JSON) is
     * still read.
     */
    private static final byte CANDIDATE_FORMAT = 2;
    private static final byte JSON_START = '{';
    private static final JsonSerde<Remembered> REMEMBERED_JSON = JsonSerde.of(Remembered.class);
    private static final JsonSerde<Candidate> CANDIDATE_JSON = JsonSerde.of(Candidate.class);
    private static final JsonSerde<ClassifiedAnnouncement> ANNOUNCEMENT_JSON =
            JsonSerde.of(ClassifiedAnnouncement.class);

    private DedupSerdes() {
    }

    /** The serde of the signatures store. */
    public static Serde<Remembered> remembered() {
        return Serdes.serdeFrom(DedupSerdes::write, (Deserializer<Remembered>) DedupSerdes::readRemembered);
    }

    /** The serde of the deduplicator's repartition: the announcement and its fingerprint, in binary. */
    public static Serde<Candidate> candidate() {
        return Serdes.serdeFrom((Serializer<Candidate>) DedupSerdes::write,
                (Deserializer<Candidate>) DedupSerdes::readCandidate);
    }

    static byte[] write(String topic, Remembered r) {
        if (r == null) {
            return null;
        }
        Writer w = new Writer();
        w.string(r.id()).string(r.storyId()).longValue(r.eventTime()).longs(r.shingles()).ints(r.words())
                .strings(r.actors()).strings(r.themes()).string(r.language()).strings(r.salient())
                .strings(r.anchors()).longValue(r.storyStart());
        return w.bytes();
    }

    static Remembered readRemembered(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == JSON_START) {
            return REMEMBERED_JSON.deserialize(topic, data);
        }
        Reader r = new Reader(data, topic, "Remembered");
        return new Remembered(r.string(), r.string(), r.longValue(), r.longs(), r.ints(), r.strings(), r.strings(),
                r.string(), r.strings(), r.strings(), r.optionalLong());
    }

    /** A story index value: the facts of the write-up indexed. */
    static byte[] write(StoryFacts f) {
        Writer w = new Writer();
        w.string(f.id()).string(f.storyId()).longValue(f.eventTime()).string(f.language()).strings(f.salient())
                .strings(f.themes()).strings(f.anchors()).ints(f.words()).longValue(f.storyStart());
        return w.bytes();
    }

    /**
     * The facts of a story index value, or {@code null} for a value of an earlier version, which held the bare id
     * (ids are text, never starting with the format byte).
     */
    static StoryFacts readStoryFacts(String store, byte[] data) {
        if (data == null || data.length == 0 || data[0] != FORMAT) {
            return null;
        }
        Reader r = new Reader(data, store, "StoryFacts");
        return new StoryFacts(r.string(), r.string(), r.longValue(), r.string(), r.strings(), r.strings(),
                r.strings(), r.ints(), r.optionalLong());
    }

    static byte[] write(String topic, Candidate c) {
        if (c == null) {
            return null;
        }
        Fingerprint f = c.fingerprint();
        Writer w = new Writer(CANDIDATE_FORMAT);
        announcement(w, c.announcement());
        w.strings(f.exactKeys()).longs(f.shingles()).ints(f.signature()).ints(f.words()).strings(f.salient())
                .strings(f.anchors()).longValue(f.eventTime());
        return w.bytes();
    }

    static Candidate readCandidate(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == JSON_START) {
            return CANDIDATE_JSON.deserialize(topic, data);
        }
        Reader r = new Reader(data, topic, "Candidate", FORMAT, CANDIDATE_FORMAT);
        ClassifiedAnnouncement a = r.format == FORMAT ? ANNOUNCEMENT_JSON.deserialize(topic, r.bytes())
                : announcement(r);
        return new Candidate(a, new Fingerprint(r.strings(), r.longs(), r.ints(), r.ints(), r.strings(), r.strings(),
                r.longValue()));
    }

    private static void announcement(Writer w, ClassifiedAnnouncement a) {
        w.string(a.id()).string(a.sourceId()).string(a.url()).string(a.title()).string(a.language())
                .instant(a.publishedAt()).instant(a.fetchedAt()).instant(a.classifiedAt()).string(a.text());
        w.intValue(a.actors().size());
        a.actors().forEach(m -> w.string(m.id()).string(m.type() == null ? null : m.type().name()).string(m.name())
                .intValue(m.mentions()));
        w.strings(a.countries()).intValue(a.themes().size());
        a.themes().forEach(t -> w.string(t.id()).doubleValue(t.score()));
        Cooperation co = a.cooperation();
        w.byteValue(a.aiCooperation() ? 1 : 0).strings(co.parties()).intValue(co.pairs().size());
        co.pairs().forEach(w::strings);
        w.strings(co.cues()).string(a.storyId()).intValue(a.evidence().size());
        a.evidence().forEach(e -> w.string(e.kind()).string(e.id()).string(e.term()).intValue(e.start())
                .intValue(e.end()));
        w.string(a.taxonomyVersion());
    }

    private static ClassifiedAnnouncement announcement(Reader r) {
        String id = r.string();
        String sourceId = r.string();
        String url = r.string();
        String title = r.string();
        String language = r.string();
        Instant publishedAt = r.instant();
        Instant fetchedAt = r.instant();
        Instant classifiedAt = r.instant();
        String text = r.string();
        List<ActorMention> actors = r.list(() -> {
            String actor = r.string();
            String type = r.string();
            return new ActorMention(actor, type == null ? null : ActorType.valueOf(type), r.string(), r.intValue());
        });
        List<String> countries = r.strings();
        List<ThemeScore> themes = r.list(() -> new ThemeScore(r.string(), r.doubleValue()));
        boolean aiCooperation = r.byteValue() == 1;
        Cooperation cooperation = new Cooperation(r.strings(), r.list(r::strings), r.strings());
        String storyId = r.string();
        List<Evidence> evidence = r.list(() -> new Evidence(r.string(), r.string(), r.string(), r.intValue(),
                r.intValue()));
        return new ClassifiedAnnouncement(id, sourceId, url, title, language, publishedAt, fetchedAt, classifiedAt,
                text, actors, countries, themes, aiCooperation, cooperation, storyId, evidence, r.string());
    }

    /** Writes the format byte, then fields: lengths as ints, strings as UTF-8, null strings as length -1. */
    private static final class Writer {

        private ByteBuffer buffer = ByteBuffer.allocate(1024);

        Writer() {
            this(FORMAT);
        }

        Writer(byte format) {
            buffer.put(format);
        }

        private void room(int bytes) {
            if (buffer.remaining() < bytes) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
        }

        Writer longValue(long v) {
            room(Long.BYTES);
            buffer.putLong(v);
            return this;
        }

        Writer byteValue(int v) {
            room(1);
            buffer.put((byte) v);
            return this;
        }

        Writer intValue(int v) {
            room(Integer.BYTES);
            buffer.putInt(v);
            return this;
        }

        Writer doubleValue(double v) {
            room(Double.BYTES);
            buffer.putDouble(v);
            return this;
        }

        /** An instant as seconds and nanoseconds, after a byte saying whether there is one. */
        Writer instant(Instant t) {
            byteValue(t == null ? 0 : 1);
            return t == null ? this : longValue(t.getEpochSecond()).intValue(t.getNano());
        }

        Writer bytes(byte[] b) {
            room(Integer.BYTES + b.length);
            buffer.putInt(b.length).put(b);
            return this;
        }

        Writer string(String s) {
            if (s == null) {
                room(Integer.BYTES);
                buffer.putInt(-1);
                return this;
            }
            return bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        Writer strings(List<String> list) {
            room(Integer.BYTES);
            buffer.putInt(list.size());
            list.forEach(this::string);
            return this;
        }

        Writer longs(long[] values) {
            room(Integer.BYTES + values.length * Long.BYTES);
            buffer.putInt(values.length);
            buffer.asLongBuffer().put(values);
            buffer.position(buffer.position() + values.length * Long.BYTES);
            return this;
        }

        Writer ints(int[] values) {
            room(Integer.BYTES + values.length * Integer.BYTES);
            buffer.putInt(values.length);
            buffer.asIntBuffer().put(values);
            buffer.position(buffer.position() + values.length * Integer.BYTES);
            return this;
        }

        byte[] bytes() {
            byte[] out = new byte[buffer.position()];
            buffer.flip();
            buffer.get(out);
            return out;
        }
    }

    /** Reads what {@link Writer} wrote; a truncated or foreign value raises a {@link SerializationException}. */
    private static final class Reader {

        private final ByteBuffer buffer;
        private final String topic;
        private final String type;
        final byte format;

        Reader(byte[] data, String topic, String type) {
            this(data, topic, type, FORMAT, FORMAT);
        }

        /** Reads a value of one of two formats. */
        Reader(byte[] data, String topic, String type, byte format, byte other) {
            this.buffer = ByteBuffer.wrap(data);
            this.topic = topic;
            this.type = type;
            this.format = data.length == 0 ? 0 : buffer.get();
            if (this.format != format && this.format != other) {
                throw new SerializationException("cannot read " + type + " from " + topic + ": unknown format "
                        + this.format);
            }
        }

        byte byteValue() {
            return guarded(buffer::get);
        }

        int intValue() {
            return guarded(buffer::getInt);
        }

        /** A number appended by a later version, 0 in a value written before it. */
        long optionalLong() {
            return buffer.hasRemaining() ? longValue() : 0;
        }

        double doubleValue() {
            return guarded(buffer::getDouble);
        }

        Instant instant() {
            return byteValue() == 0 ? null : guarded(() -> Instant.ofEpochSecond(buffer.getLong(), buffer.getInt()));
        }

        /** A list of elements, each read by {@code element}. */
        <T> List<T> list(Supplier<T> element) {
            int n = guarded(() -> length(1));
            List<T> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(element.get());
            }
            return list;
        }

        /** A length of elements of {@code size} bytes that fits in what remains. */
        private int length(int size) {
            int n = buffer.getInt();
            if (n < 0 || (long) n * size > buffer.remaining()) {
                throw new SerializationException("cannot read " + type + " from " + topic + ": length " + n
                        + " beyond the value's end");
            }
            return n;
        }

        long longValue() {
            return guarded(buffer::getLong);
        }

        byte[] bytes() {
            return guarded(() -> {
                byte[] b = new byte[length(1)];
                buffer.get(b);
                return b;
            });
        }

        String string() {
            return guarded(() -> {
                if (buffer.getInt(buffer.position()) == -1) {
                    buffer.getInt();
                    return null;
                }
                return new String(bytes(), StandardCharsets.UTF_8);
            });
        }

        List<String> strings() {
            int n = guarded(() -> length(Integer.BYTES));
            List<String> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(string());
            }
            return List.copyOf(list);
        }

        long[] longs() {
            return guarded(() -> {
                long[] values = new long[length(Long.BYTES)];
                buffer.asLongBuffer().get(values);
                buffer.position(buffer.position() + values.length * Long.BYTES);
                return values;
            });
        }

        int[] ints() {
            return guarded(() -> {
                int[] values = new int[length(Integer.BYTES)];
                buffer.asIntBuffer().get(values);
                buffer.position(buffer.position() + values.length * Integer.BYTES);
                return values;
            });
        }

        private <T> T guarded(Supplier<T> read) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                if (e instanceof SerializationException) {
                    throw e;
                }
                throw new SerializationException("cannot read " + type + " from " + topic + ": truncated value", e);
            }
        }
    }
}
