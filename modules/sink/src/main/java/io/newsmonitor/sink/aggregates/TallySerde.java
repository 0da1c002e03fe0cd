package io.newsmonitor.sink.aggregates;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary form of {@link Tally} for the aggregate window stores: a format byte, the count, then each sample
 * as its time and its id in modified UTF-8. Why not JSON: every announcement reads and writes a tally per dimension
 * key and window, and a trend's recount reads 15 days of hourly tallies; the profile of a burst showed Jackson's
 * reading of these tallies as the sink's largest single cost.
 */
public final class TallySerde {

    private static final byte FORMAT = 1;

    private TallySerde() {
    }

    /** The serde of the window stores' values. */
    public static Serde<Tally> serde() {
        return Serdes.serdeFrom(serializer(), deserializer());
    }

    private static Serializer<Tally> serializer() {
        return (topic, tally) -> tally == null ? null : write(tally);
    }

    private static Deserializer<Tally> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(Tally tally) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 48 * tally.samples().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(tally.count());
            out.writeByte(tally.samples().size());
            for (Tally.Sample sample : tally.samples()) {
                out.writeLong(sample.time());
                out.writeUTF(sample.id());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static Tally read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new SerializationException("unknown tally format " + format);
            }
            long count = in.readLong();
            int size = in.readUnsignedByte();
            List<Tally.Sample> samples = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                long time = in.readLong();
                samples.add(new Tally.Sample(in.readUTF(), time));
            }
            return new Tally(count, samples);
        } catch (IOException e) {
            throw new SerializationException("unreadable tally of " + bytes.length + " bytes", e);
        }
    }
}
