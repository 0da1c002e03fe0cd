package io.newsmonitor.app.cli;

import io.newsmonitor.app.broker.EmbeddedBroker;
import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Roles;
import io.newsmonitor.app.wiring.Seeder;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.poller.config.FeedCatalog;
import io.newsmonitor.sink.subscriptions.SubscriptionCatalog;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The start-up steps the commands share. */
final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    /** The roles a process can run. */
    enum Role { POLLER, PROCESSOR, SINK }

    private Launcher() {
    }

    /**
     * Starts the embedded broker unless {@code --bootstrap-servers} names a cluster, and returns the configuration
     * pointed at the cluster to use.
     */
    static AppConfig connect(AppConfig config, KafkaOptions kafka, BrokerOptions broker, Shutdown shutdown) {
        if (kafka.bootstrapServers != null) {
            return config;
        }
        if (broker.fresh) {
            EmbeddedBroker.wipe(broker.dataDir);
            LOG.info("Wiped {}", broker.dataDir);
        }
        EmbeddedBroker embedded = shutdown.add(EmbeddedBroker.start(broker.dataDir.resolve("kafka"),
                broker.kafkaPort));
        return config.withBootstrapServers(embedded.bootstrapServers());
    }

    /** Creates the topics and seeds the sources (from {@code feeds.yaml} when asked) and subscriptions. */
    static void prepare(AppConfig config, boolean seedFeedsFile) {
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

    /** Starts the roles asked for; the shutdown stops them. */
    static void start(AppConfig config, Set<Role> roles, Shutdown shutdown) {
        long start = System.nanoTime();
        if (roles.contains(Role.SINK)) {
            shutdown.add(Roles.sink(config));
        }
        if (roles.contains(Role.PROCESSOR)) {
            shutdown.add(Roles.processor(config));
        }
        if (roles.contains(Role.POLLER)) {
            shutdown.add(Roles.poller(config));
        }
        LOG.info("Started {} against {} in {} ms", roles, config.kafka().bootstrapServers(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
