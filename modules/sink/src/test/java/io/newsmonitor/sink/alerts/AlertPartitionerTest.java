package io.newsmonitor.sink.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.model.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class AlertPartitionerTest {

    private final AlertPartitioner partitioner = new AlertPartitioner();

    @Test
    void everyAlertOfASubscriptionGoesToThePartitionKafkaWouldGiveItsId() {
        int expected = Utils.toPositive(Utils.murmur2("france-ai".getBytes(StandardCharsets.UTF_8))) % 6;

        for (String announcement : new String[] {"a1", "a2", "a3", "trend-key"}) {
            Alert alert = alert("france-ai", announcement);
            assertThat(partitioner.partitions("alerts", alert.key(), alert, 6)).contains(Set.of(expected));
        }
    }

    @Test
    void subscriptionsSpreadOverThePartitions() {
        long used = IntStream.range(0, 60)
                .mapToObj(i -> partitioner.partitions("alerts", "k", alert("s" + i, "a"), 6))
                .map(Optional::orElseThrow).distinct().count();

        assertThat(used).isEqualTo(6);
    }

    private static Alert alert(String subscription, String announcement) {
        return new Alert(null, Alert.MATCH, subscription, announcement, announcement, "title", null, "src", "fr",
                null, Instant.EPOCH, null, null, false, null, null);
    }
}
