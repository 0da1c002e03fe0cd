package io.newsmonitor.streams;

import io.newsmonitor.topics.Topic;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** How Kafka Streams reads and writes a topic of the contract, with the contract's serdes. */
public final class StreamsTopics {

    private StreamsTopics() {
    }

    /** How Kafka Streams reads {@code topic}. */
    public static <K, V> Consumed<K, V> consumed(Topic<K, V> topic) {
        return Consumed.with(topic.keySerde(), topic.valueSerde());
    }

    /** How Kafka Streams writes {@code topic}. */
    public static <K, V> Produced<K, V> produced(Topic<K, V> topic) {
        return Produced.with(topic.keySerde(), topic.valueSerde());
    }
}
