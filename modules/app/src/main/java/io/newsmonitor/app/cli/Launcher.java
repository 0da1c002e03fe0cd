package io.newsmonitor.app.cli;

import io.newsmonitor.app.broker.EmbeddedBroker;
import io.newsmonitor.app.wiring.AppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Connecting to Kafka, as the commands that may start an embedded broker do it. */
final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

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
            // Only what newsmonitor wrote: the broker's log directory and the roles' state stores.
            for (java.nio.file.Path dir : java.util.List.of(broker.dataDir.resolve("kafka"),
                    java.nio.file.Path.of(config.processor().stateDir()), java.nio.file.Path.of(config.sink().stateDir()))) {
                EmbeddedBroker.wipe(dir);
                LOG.info("Wiped {}", dir);
            }
        }
        EmbeddedBroker embedded = shutdown.add(EmbeddedBroker.start(broker.dataDir.resolve("kafka"),
                broker.kafkaPort));
        return config.withBootstrapServers(embedded.bootstrapServers());
    }
}
