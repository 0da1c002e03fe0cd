package io.newsmonitor.app.faults;

import io.newsmonitor.topics.Topic;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a role's output has come: the sum of the last stable offsets of its output topics. Cheap enough to ask
 * every few hundred milliseconds; it counts transaction markers too, so it is a measure of progress, not a count.
 */
final class Progress implements AutoCloseable {

    private final Admin admin;
    private final int partitions;

    Progress(String bootstrapServers, int partitions) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.partitions = partitions;
    }

    /** The sum of the committed end offsets of these topics. */
    long of(Topic<?, ?>... topics) {
        Map<TopicPartition, OffsetSpec> latest = Arrays.stream(topics)
                .flatMap(t -> IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(t.name(), p)))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        try {
            return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .values().stream().mapToLong(info -> info.offset()).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + List.of(topics), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
