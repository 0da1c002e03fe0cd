package io.newsmonitor.sink.trends;

import io.newsmonitor.model.Trend;
import io.newsmonitor.sink.serde.BinaryValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A compact binary form of {@link Trend} for the store {@value TrendProcessor#STORE}: a format byte, then the fields
 * in the record's order (instants as epoch milliseconds, strings in modified UTF-8). Why not JSON: the store is read
 * at every evaluation of a key and, at each new hour, for every trend, and parsing instants was most of that. JSON
 * written by a former version (the store's changelog) still reads, with the JSON serde given.
 */
final class TrendSerde {

    private static final byte FORMAT = 1;
    private static final byte JSON = '{';

    private TrendSerde() {
    }

    static Serde<Trend> serde(Serde<Trend> json) {
        return Serdes.serdeFrom((topic, trend) -> trend == null ? null : write(trend), (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            return bytes.length > 0 && bytes[0] == JSON ? json.deserializer().deserialize(topic, bytes) : read(bytes);
        });
    }

    static byte[] write(Trend trend) {
        return BinaryValues.write(FORMAT, 128, out -> {
            out.writeUTF(trend.dimension());
            out.writeUTF(trend.key());
            out.writeLong(trend.windowStart().toEpochMilli());
            out.writeLong(trend.windowEnd().toEpochMilli());
            out.writeLong(trend.count());
            out.writeDouble(trend.baseline());
            out.writeDouble(trend.score());
            out.writeBoolean(trend.trending());
            out.writeByte(trend.samples().size());
            for (String sample : trend.samples()) {
                out.writeUTF(sample);
            }
        });
    }

    static Trend read(byte[] bytes) {
        return BinaryValues.read(bytes, FORMAT, "trend", in -> {
            String dimension = in.readUTF();
            String key = in.readUTF();
            Instant windowStart = Instant.ofEpochMilli(in.readLong());
            Instant windowEnd = Instant.ofEpochMilli(in.readLong());
            long count = in.readLong();
            double baseline = in.readDouble();
            double score = in.readDouble();
            boolean trending = in.readBoolean();
            int size = in.readUnsignedByte();
            List<String> samples = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                samples.add(in.readUTF());
            }
            return new Trend(dimension, key, windowStart, windowEnd, count, baseline, score, trending, samples);
        });
    }
}
