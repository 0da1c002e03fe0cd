package io.newsmonitor.app.cli;

import io.newsmonitor.app.wiring.AppConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command shares: where the configuration is and which Kafka cluster to use. */
public final class KafkaOptions {

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config",
            description = "Configuration directory (default: ${DEFAULT-VALUE})")
    Path configDir;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Use this Kafka cluster (no embedded broker is started)")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Java properties file of client settings (TLS, SASL) for every Kafka client")
    Path kafkaConfig;

    /** The configuration, with command-line overrides applied. */
    public AppConfig load() {
        return AppConfig.load(configDir, bootstrapServers, kafkaConfig);
    }
}
