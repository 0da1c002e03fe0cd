package io.newsmonitor.processor.dedup;

import io.newsmonitor.json.JsonSerde;
import io.newsmonitor.model.ClassifiedAnnouncement;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

    /** The serde of the deduplicator's repartition: the announcement as JSON, its fingerprint in binary. */
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
                .strings(r.anchors());
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
                r.string(), r.strings(), r.strings());
    }

    /** A story index value: the facts of the write-up indexed. */
    static byte[] write(StoryFacts f) {
        Writer w = new Writer();
        w.string(f.id()).string(f.storyId()).longValue(f.eventTime()).string(f.language()).strings(f.salient())
                .strings(f.themes()).strings(f.anchors()).ints(f.words());
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
                r.strings(), r.ints());
    }

    static byte[] write(String topic, Candidate c) {
        if (c == null) {
            return null;
        }
        Fingerprint f = c.fingerprint();
        Writer w = new Writer();
        w.bytes(ANNOUNCEMENT_JSON.serialize(topic, c.announcement())).strings(f.exactKeys()).longs(f.shingles())
                .ints(f.signature()).ints(f.words()).strings(f.salient()).strings(f.anchors())
                .longValue(f.eventTime());
        return w.bytes();
    }

    static Candidate readCandidate(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == JSON_START) {
            return CANDIDATE_JSON.deserialize(topic, data);
        }
        Reader r = new Reader(data, topic, "Candidate");
        ClassifiedAnnouncement a = ANNOUNCEMENT_JSON.deserialize(topic, r.bytes());
        return new Candidate(a, new Fingerprint(r.strings(), r.longs(), r.ints(), r.ints(), r.strings(), r.strings(),
                r.longValue()));
    }

    /** Writes the format byte, then fields: lengths as ints, strings as UTF-8, null strings as length -1. */
    private static final class Writer {

        private ByteBuffer buffer = ByteBuffer.allocate(1024);

        Writer() {
            buffer.put(FORMAT);
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

        Reader(byte[] data, String topic, String type) {
            this.buffer = ByteBuffer.wrap(data);
            this.topic = topic;
            this.type = type;
            byte format = data.length == 0 ? 0 : buffer.get();
            if (format != FORMAT) {
                throw new SerializationException("cannot read " + type + " from " + topic + ": unknown format "
                        + format);
            }
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
