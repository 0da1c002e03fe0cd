package io.newsmonitor.sink.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Where {@link LocalSinkQueries} finds this instance's stores by name: a running Kafka Streams instance (its
 * interactive queries), or a test driver's stores. A timestamped store is read without its timestamps.
 *
 * <p>Either method may throw {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while the stores
 * cannot be read (starting, restoring, rebalancing).
 */
public interface StoreAccess {

    /** A key-value store of this instance. */
    <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name);

    /** A window store of this instance. */
    <V> ReadOnlyWindowStore<String, V> windowStore(String name);

    /** The stores of the active tasks of a Kafka Streams instance, and its global stores. */
    static StoreAccess of(KafkaStreams streams) {
        return new StoreAccess() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name) {
                return streams.store(StoreQueryParameters.fromNameAndType(name,
                        QueryableStoreTypes.<String, V>keyValueStore()));
            }

            @Override
            public <V> ReadOnlyWindowStore<String, V> windowStore(String name) {
                return streams.store(StoreQueryParameters.fromNameAndType(name,
                        QueryableStoreTypes.<String, V>windowStore()));
            }
        };
    }
}
