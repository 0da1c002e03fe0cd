package io.newsmonitor.sink.serde;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The framing every binary store value of the sink shares: a format byte, then the fields in
 * {@link DataOutputStream} form. A value of another format, or one that cannot be read whole, is refused as a
 * {@link SerializationException} naming what it should have been and its size.
 */
public final class BinaryValues {

    /** Writes the fields of a value after its format byte. */
    @FunctionalInterface
    public interface Fields {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads the fields of a value, its format byte already read. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private BinaryValues() {
    }

    /**
     * @param format   the value's format byte
     * @param sizeHint the expected size in bytes
     */
    public static byte[] write(byte format, int sizeHint, Fields fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(format);
            fields.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param format the format byte the value must start with
     * @param what   what the value is, for errors ("tally", "trend")
     */
    public static <T> T read(byte[] bytes, byte format, String what, Reader<T> reader) {
        if (bytes.length > 0 && bytes[0] != format) {
            throw new SerializationException("unknown " + what + " format " + bytes[0]);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            in.readByte();
            return reader.read(in);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("unreadable " + what + " of " + bytes.length + " bytes: " + e, e);
        }
    }
}
