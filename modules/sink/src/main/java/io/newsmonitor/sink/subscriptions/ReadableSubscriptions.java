package io.newsmonitor.sink.subscriptions;

import io.newsmonitor.topics.Decoded;
import io.newsmonitor.topics.Topic;
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
 */
public final class ReadableSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(ReadableSubscriptions.class);

    private ReadableSubscriptions() {
    }

    /** The topic's serde, with a deserializer that skips what it cannot read. */
    public static <V> Serde<V> serde(Topic<String, V> topic) {
        Deserializer<V> lenient = (name, data) -> {
            Decoded<V> decoded = Decoded.of(topic, data);
            if (decoded.invalid()) {
                LOG.warn("Record on {} skipped: {}", name, decoded.error());
            }
            return decoded.value();
        };
        return Serdes.serdeFrom(topic.valueSerde().serializer(), lenient);
    }
}
