package io.newsmonitor.app.wiring;

import io.newsmonitor.config.ConfigException;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.config.Setting;
import io.newsmonitor.config.Settings;
import io.newsmonitor.delivery.config.DeliveryConfig;
import io.newsmonitor.poller.config.PollerConfig;
import io.newsmonitor.processor.config.ProcessorConfig;
import io.newsmonitor.sink.config.SinkConfig;
import io.newsmonitor.web.config.WebConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole configuration: {@code newsmonitor.yaml} (every role's settings) and the paths of the other files of the
 * configuration directory. Loaded once at start-up; a bad value stops start-up with a message naming file and key.
 *
 * @param dir       the configuration directory
 * @param kafka     how to reach Kafka
 * @param poller    poller settings
 * @param processor processor settings
 * @param sink      sink settings
 * @param web       the sink role's dashboard and API
 * @param monitoring where the process serves its metrics and health
 * @param delivery  webhook delivery settings (started with the sink role)
 */
public record AppConfig(Path dir, KafkaConfig kafka, PollerConfig poller, ProcessorConfig processor,
                        SinkConfig sink, WebConfig web, MonitoringConfig monitoring, DeliveryConfig delivery) {

    public static final String MAIN_FILE = "newsmonitor.yaml";
    public static final String FEEDS_FILE = "feeds.yaml";
    public static final String SUBSCRIPTIONS_FILE = "subscriptions.yaml";

    /** Every setting {@code newsmonitor.yaml} may hold. */
    public static List<Setting<?>> settings() {
        List<Setting<?>> all = new ArrayList<>(KafkaConfig.SETTINGS);
        all.addAll(PollerConfig.SETTINGS);
        all.addAll(ProcessorConfig.SETTINGS);
        all.addAll(SinkConfig.SETTINGS);
        all.addAll(WebConfig.SETTINGS);
        all.addAll(DeliveryConfig.SETTINGS);
        all.addAll(MonitoringConfig.SETTINGS);
        return all;
    }

    /**
     * Loads the configuration directory.
     *
     * @param dir                  the directory
     * @param bootstrapServers     {@code --bootstrap-servers}, or {@code null}
     * @param kafkaClientConfig    {@code --kafka-config}, or {@code null}
     */
    public static AppConfig load(Path dir, String bootstrapServers, Path kafkaClientConfig) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir.toString(), null,
                    "configuration directory not found (use --config DIR)");
        }
        Settings settings = Settings.load(dir.resolve(MAIN_FILE), settings());
        return new AppConfig(dir, KafkaConfig.from(settings, bootstrapServers, kafkaClientConfig),
                PollerConfig.from(settings), ProcessorConfig.from(settings), SinkConfig.from(settings),
                WebConfig.from(settings), MonitoringConfig.from(settings), DeliveryConfig.from(settings));
    }

    /** Every setting as a Markdown table: key, default, meaning and rules (the body of docs/configuration.md). */
    public static String settingsTable() {
        StringBuilder table = new StringBuilder("| key | default | meaning | must be |\n|---|---|---|---|\n");
        for (Setting<?> s : settings()) {
            Object def = s.defaultValue();
            String shown = def == null ? "(none)" : def instanceof Duration d ? d.toString() : def.toString();
            table.append("| `").append(s.key()).append("` | `").append(shown).append("` | ")
                    .append(s.description().replace("|", "\\|")).append(" | ")
                    .append(String.join("; ", s.requirements()).replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }

    /** This configuration pointed at another cluster (the embedded broker). */
    public AppConfig withBootstrapServers(String servers) {
        return new AppConfig(dir, kafka.withBootstrapServers(servers), poller, processor, sink, web, monitoring,
                delivery);
    }

    /** This configuration with the monitoring endpoints on another port. */
    public AppConfig withMonitoringPort(int port) {
        return new AppConfig(dir, kafka, poller, processor, sink, web, monitoring.withPort(port), delivery);
    }

    public Path feedsFile() {
        return dir.resolve(FEEDS_FILE);
    }

    public Path subscriptionsFile() {
        return dir.resolve(SUBSCRIPTIONS_FILE);
    }
}
