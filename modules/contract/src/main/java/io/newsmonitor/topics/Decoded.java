package io.newsmonitor.topics;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record value read leniently: the value, or why it could not be read. Readers of configuration topics (sources,
 * subscriptions, poller state) use it so that one unreadable record is skipped and reported, naming its key, instead
 * of stopping the reader.
 *
 * @param value the value, {@code null} for a tombstone or an unreadable record
 * @param error why the record could not be read, or {@code null}
 * @param <V>   the value type
 */
public record Decoded<V>(V value, String error) {

    /** Reads {@code data} with the topic's value serde; a tombstone ({@code null}) reads as a null value. */
    public static <V> Decoded<V> of(Topic<?, V> topic, byte[] data) {
        try {
            return new Decoded<>(topic.valueSerde().deserializer().deserialize(topic.name(), data), null);
        } catch (SerializationException e) {
            return new Decoded<>(null, e.getMessage());
        }
    }

    /** Whether the record could not be read. */
    public boolean invalid() {
        return error != null;
    }
}
