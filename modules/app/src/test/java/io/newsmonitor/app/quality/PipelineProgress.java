package io.newsmonitor.app.quality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the pipeline has got, asked of the broker: whether a Kafka Streams application has processed all its input,
 * and whether topics have no transaction left open. A transaction's offsets can be committed before its markers reach
 * every output partition, so a reader that stops when the sink has caught up must also wait for its output topics to
 * settle.
 */
final class PipelineProgress implements AutoCloseable {

    private final Admin admin;

    PipelineProgress(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Whether a Kafka Streams application has processed everything on its input topic and on its own repartition
     * topics: no transaction is open on them, and its committed position is at the end of each partition. Every
     * writer of these topics is transactional, so a partition ends with a commit marker, and a position just before
     * it is the end.
     */
    boolean caughtUp(String applicationId, String inputTopic) throws InterruptedException, ExecutionException {
        List<String> topics = new ArrayList<>(List.of(inputTopic));
        admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
                .forEach(topics::add);
        List<TopicPartition> partitions = partitions(topics);
        Map<TopicPartition, Long> ends = ends(partitions, IsolationLevel.READ_UNCOMMITTED);
        if (!ends.equals(ends(partitions, IsolationLevel.READ_COMMITTED))) {
            return false;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        return partitions.stream().allMatch(p -> ends.get(p) == 0
                || committed.get(p) != null && committed.get(p).offset() >= ends.get(p) - 1);
    }

    /** Whether every partition of these topics is readable to its end by a {@code read_committed} reader. */
    boolean settled(Collection<String> topics) throws InterruptedException, ExecutionException {
        List<TopicPartition> partitions = partitions(topics);
        return ends(partitions, IsolationLevel.READ_COMMITTED)
                .equals(ends(partitions, IsolationLevel.READ_UNCOMMITTED));
    }

    private List<TopicPartition> partitions(Collection<String> topics)
            throws InterruptedException, ExecutionException {
        return admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .toList();
    }

    private Map<TopicPartition, Long> ends(List<TopicPartition> partitions, IsolationLevel isolation)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close();
    }
}
