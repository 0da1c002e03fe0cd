package io.newsmonitor.sink.trends;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A compact binary form of {@link TrendHistory} for the store {@value TrendProcessor#STATE}: a format byte, the number
 * of buckets, then each bucket as its hour since the epoch and its count (two ints). A value of the former JSON
 * state (counts without their buckets) reads as nothing, and the processor rebuilds that key's history from the hourly
 * store.
 */
final class TrendHistorySerde {

    private static final byte FORMAT = 2;
    private static final byte FORMER_JSON = '{';
    private static final long HOUR = TrendWindow.HOUR;

    private TrendHistorySerde() {
    }

    static Serde<TrendHistory> serde() {
        return Serdes.serdeFrom((topic, history) -> history == null ? null : write(history),
                (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    static byte[] write(TrendHistory history) {
        ByteBuffer out = ByteBuffer.allocate(1 + Integer.BYTES + 2 * Integer.BYTES * history.hourly().size());
        out.put(FORMAT).putInt(history.hourly().size());
        for (Map.Entry<Long, Long> bucket : history.hourly().entrySet()) {
            out.putInt(Math.toIntExact(bucket.getKey() / HOUR)).putInt(Math.toIntExact(bucket.getValue()));
        }
        return out.array();
    }

    static TrendHistory read(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == FORMER_JSON) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte format = in.get();
            if (format != FORMAT) {
                throw new SerializationException("unknown trend history format " + format);
            }
            int size = in.getInt();
            TreeMap<Long, Long> hourly = new TreeMap<>();
            for (int i = 0; i < size; i++) {
                hourly.put(in.getInt() * HOUR, (long) in.getInt());
            }
            return new TrendHistory(hourly);
        } catch (BufferUnderflowException e) {
            throw new SerializationException("unreadable trend history of " + bytes.length + " bytes", e);
        }
    }
}
