package io.newsmonitor.sink.aggregates;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A window whose count changed since its last update was written: the value of the pending store, until the next
 * flush writes the window's count.
 *
 * @param delta      announcements counted in the window since its last update
 * @param latestTime the latest event time among them (the written update's timestamp)
 * @param streamTime the stream time when the last of them was counted
 */
public record Pending(long delta, long latestTime, long streamTime) {

    private static final int BYTES = 3 * Long.BYTES;

    /** One announcement counted at {@code time}, the stream being at {@code streamTime}. */
    static Pending first(long time, long streamTime) {
        return new Pending(1, time, streamTime);
    }

    /** This change with one more announcement. */
    Pending plus(long time, long now) {
        return new Pending(delta + 1, Math.max(latestTime, time), Math.max(streamTime, now));
    }

    /** Its serde: three longs. */
    public static Serde<Pending> serde() {
        return Serdes.serdeFrom((topic, p) -> p == null ? null
                        : ByteBuffer.allocate(BYTES).putLong(p.delta).putLong(p.latestTime).putLong(p.streamTime)
                        .array(),
                (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    private static Pending read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            return new Pending(in.getLong(), in.getLong(), in.getLong());
        } catch (BufferUnderflowException e) {
            throw new SerializationException("unreadable pending count of " + bytes.length + " bytes", e);
        }
    }
}
