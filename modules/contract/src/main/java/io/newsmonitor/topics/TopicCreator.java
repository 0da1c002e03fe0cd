package io.newsmonitor.topics;

import io.newsmonitor.topics.Topic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the contract's topics, idempotently: a topic that exists is left as it is (its partitions and cleanup
 * policy are the operator's from then on), one that does not is created as the contract says.
 */
public final class TopicCreator {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);
    private static final long TIMEOUT_SECONDS = 60;

    private TopicCreator() {
    }

    /**
     * Creates whichever of these topics do not exist yet.
     *
     * @throws IllegalStateException naming the topic when the cluster refuses one
     */
    public static void ensure(Map<String, Object> adminProps, List<Topic<?, ?>> topics) {
        try (Admin admin = Admin.create(adminProps)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name()))
                    .map(Topic::newTopic).toList();
            if (missing.isEmpty()) {
                return;
            }
            CreateTopicsResult result = admin.createTopics(missing);
            for (NewTopic topic : missing) {
                try {
                    result.values().get(topic.name()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    LOG.info("Created topic {} ({} partitions, cleanup.policy={})", topic.name(),
                            topic.numPartitions(), topic.configs().get("cleanup.policy"));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + adminProps.get("bootstrap.servers")
                    + " to create topics: " + e, e);
        }
    }
}
