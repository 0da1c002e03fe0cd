package io.newsmonitor.sink.alerts;

import io.newsmonitor.model.Alert;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Puts every alert of one subscription on one partition of the alerts topic, hashing the subscription id as Kafka's
 * default partitioner hashes a key. So a subscription's alerts are read in the order they were raised, one webhook
 * deliverer holds a subscription's whole backlog (its delivery state is exact with several instances), and one sink
 * instance holds a subscription's recent alerts.
 */
public final class AlertPartitioner implements StreamPartitioner<String, Alert> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Alert alert, int numPartitions) {
        return Optional.of(Set.of(partitionOf(alert.subscriptionId(), numPartitions)));
    }

    /** The partition of a subscription's alerts among {@code numPartitions}. */
    public static int partitionOf(String subscriptionId, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(subscriptionId.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
