package io.newsmonitor.sink.subscriptions;

import io.newsmonitor.topics.Decoded;
import io.newsmonitor.topics.Topic;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serde the sink reads configuration topics with (subscriptions, and sources for their tags): an unreadable or
 * invalid record reads as a tombstone, with one log line, so that it removes nothing but itself. Kafka Streams does
 * not send the records of a global table to the dead-letter topic: without this, one such record would fail every
 * announcement that meets it in the store, after some subscriptions had already alerted.
 *
 * <p>A global store keeps bytes and reads every value through this deserializer: the alert processor reads every
 * subscription for every story, the trend alerts for every changed trend. So each serde remembers what it read by
 * the bytes read (values are immutable records, and few: a changed value is new bytes), and parses JSON once per
 * value instead of once per read; it forgets everything when it holds {@value #REMEMBERED} values.
 */
public final class ReadableSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(ReadableSubscriptions.class);
    private static final int REMEMBERED = 10_000;

    private ReadableSubscriptions() {
    }

    /** The topic's serde, with a deserializer that skips what it cannot read and remembers what it read. */
    public static <V> Serde<V> serde(Topic<String, V> topic) {
        Map<ByteBuffer, Decoded<V>> read = new ConcurrentHashMap<>();
        Deserializer<V> lenient = (name, data) -> {
            if (data == null) {
                return null;
            }
            Decoded<V> known = read.get(ByteBuffer.wrap(data));
            if (known == null) {
                known = Decoded.of(topic, data);
                if (known.invalid()) {
                    LOG.warn("Record on {} skipped: {}", name, known.error());
                }
                if (read.size() >= REMEMBERED) {
                    read.clear();
                }
                read.put(ByteBuffer.wrap(data.clone()), known);
            }
            return known.value();
        };
        return Serdes.serdeFrom(topic.valueSerde().serializer(), lenient);
    }
}
