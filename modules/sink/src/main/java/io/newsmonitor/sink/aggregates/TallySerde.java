package io.newsmonitor.sink.aggregates;

import io.newsmonitor.sink.serde.BinaryValues;
import java.util.ArrayList;
import java.util.List;
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
        return BinaryValues.write(FORMAT, 16 + 48 * tally.samples().size(), out -> {
            out.writeLong(tally.count());
            out.writeByte(tally.samples().size());
            for (Tally.Sample sample : tally.samples()) {
                out.writeLong(sample.time());
                out.writeUTF(sample.id());
            }
        });
    }

    static Tally read(byte[] bytes) {
        return BinaryValues.read(bytes, FORMAT, "tally", in -> {
            long count = in.readLong();
            int size = in.readUnsignedByte();
            List<Tally.Sample> samples = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                long time = in.readLong();
                samples.add(new Tally.Sample(in.readUTF(), time));
            }
            return new Tally(count, samples);
        });
    }
}
