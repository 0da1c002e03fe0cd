package io.newsmonitor.app.wiring;

import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.poller.config.FeedCatalog;
import io.newsmonitor.sink.subscriptions.SubscriptionCatalog;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up of the roles against a cluster, as {@code run} and the one-role commands do it: create the topics,
 * seed sources and subscriptions, start the roles. Closing it stops the roles in reverse order of start.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    /** The roles a process can run. */
    public enum Role { POLLER, PROCESSOR, SINK }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private Pipeline() {
    }

    /** Creates the topics and seeds the sources (from {@code feeds.yaml} when asked) and subscriptions. */
    public static void prepare(AppConfig config, boolean seedFeedsFile) {
        Roles.createTopics(config);
        if (seedFeedsFile && Files.exists(config.feedsFile())) {
            List<FeedSource> sources = FeedCatalog.load(config.feedsFile());
            Seeder.seed(config.kafka().commonProperties(), config.kafka().topics().feeds(), sources, FeedSource::id);
        }
        if (Files.exists(config.subscriptionsFile())) {
            List<Subscription> subscriptions = SubscriptionCatalog.load(config.subscriptionsFile());
            Seeder.seed(config.kafka().commonProperties(), config.kafka().topics().subscriptions(), subscriptions,
                    Subscription::id);
        }
    }

    /** Starts the roles asked for, downstream first so that nothing waits for its reader. */
    public static Pipeline start(AppConfig config, Set<Role> roles) {
        long start = System.nanoTime();
        Pipeline pipeline = new Pipeline();
        try {
            if (roles.contains(Role.SINK)) {
                pipeline.started.push(Roles.sink(config));
            }
            if (roles.contains(Role.PROCESSOR)) {
                pipeline.started.push(Roles.processor(config));
            }
            if (roles.contains(Role.POLLER)) {
                pipeline.started.push(Roles.poller(config));
            }
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        LOG.info("Started {} against {} in {} ms", roles, config.kafka().bootstrapServers(),
                (System.nanoTime() - start) / 1_000_000);
        return pipeline;
    }

    /** Stops the roles: the poller first (it finishes its transaction), then the processor, then the sink. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("Error while stopping a role: {}", e.toString());
            }
        }
    }
}
