package io.newsmonitor.app.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a Kafka Streams application has processed, and committed, everything on its input topics and its own
 * repartition topics, asked of the broker. Every writer of these topics is transactional, so a partition ends with a
 * commit marker, and a committed position just before it is the end. A transaction's offsets can be committed before
 * its markers reach every output partition, so a reader that stops when an application has caught up must also wait
 * for its output topics to settle. The benchmark and the live quality test both wait this way.
 */
public final class Progress implements AutoCloseable {

    private final Admin admin;

    /** @param common the cluster's client properties */
    public Progress(Map<String, Object> common) {
        admin = Admin.create(common);
    }

    /** Whether application {@code applicationId} has processed {@code inputs} and its repartitions to their end. */
    public boolean caughtUp(String applicationId, Collection<String> inputs) {
        try {
            List<String> topics = new ArrayList<>(inputs);
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for " + applicationId + "'s progress", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot ask for " + applicationId + "'s progress: " + e.getCause(), e);
        }
    }

    /** Whether no transaction is open on these topics: a {@code read_committed} reader sees them to their end. */
    public boolean settled(Collection<String> topics) {
        try {
            List<TopicPartition> partitions = partitions(topics);
            return ends(partitions, IsolationLevel.READ_COMMITTED)
                    .equals(ends(partitions, IsolationLevel.READ_UNCOMMITTED));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for " + topics, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot ask for the ends of " + topics + ": " + e.getCause(), e);
        }
    }

    private List<TopicPartition> partitions(Collection<String> topics) throws InterruptedException, ExecutionException {
        return admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
    }

    private Map<TopicPartition, Long> ends(List<TopicPartition> partitions, IsolationLevel isolation)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get()
                .forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    @Override
    public void close() {
        admin.close();
    }
}
