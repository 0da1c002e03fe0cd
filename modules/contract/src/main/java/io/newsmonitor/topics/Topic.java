package io.newsmonitor.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the contract: its full name, the serdes of its keys and values, and how it is created.
 *
 * @param name              full name, prefix included
 * @param keySerde          serde of the keys
 * @param valueSerde        serde of the values
 * @param partitions        partitions it is created with
 * @param replicationFactor replication factor it is created with
 * @param compacted         {@code true} for a compacted topic holding state (latest value per key)
 * @param retention         how long records are kept, or {@code null} to keep them forever
 * @param <K>               key type
 * @param <V>               value type
 */
public record Topic<K, V>(
        String name,
        Serde<K> keySerde,
        Serde<V> valueSerde,
        int partitions,
        short replicationFactor,
        boolean compacted,
        Duration retention) {

    /** The topic configuration the contract gives it. */
    public Map<String, String> configs() {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, retention == null ? "-1" : Long.toString(retention.toMillis()));
        return configs;
    }

    /** The AdminClient request that creates it. */
    public NewTopic newTopic() {
        return new NewTopic(name, partitions, replicationFactor).configs(configs());
    }
}
