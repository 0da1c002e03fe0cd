package io.newsmonitor.app.bench;

import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Pipeline;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.topics.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The cluster the benchmark runs on, and a fresh set of topics per measurement ({@code bench-<run>-<name>.*}, the
 * contract's topics with the configuration's partitions, the subscriptions of {@code subscriptions.yaml} seeded),
 * so that no measurement reads another's records. The raw and alert topics stamp records with the broker's append
 * time ({@code LogAppendTime}), which the latency is measured between.
 */
final class BenchCluster {

    private static final long TIMEOUT_SECONDS = 60;

    private final AppConfig config;
    private final String run;

    BenchCluster(AppConfig config, String run) {
        this.config = config;
        this.run = run;
    }

    AppConfig config() {
        return config;
    }

    String bootstrapServers() {
        return config.kafka().bootstrapServers();
    }

    /** The topics of measurement {@code name}, created and seeded. */
    KafkaConfig fresh(String name) {
        KafkaConfig base = config.kafka();
        KafkaConfig kafka = new KafkaConfig(base.bootstrapServers(), "bench-" + run + "-" + name, base.partitions(),
                base.replicationFactor(), base.clientProperties());
        Pipeline.prepare(new AppConfig(config.dir(), kafka, config.poller(), config.processor(), config.sink(),
                config.monitoring(), config.delivery()), false);
        Topics topics = kafka.topics();
        stampAppendTime(kafka, List.of(topics.raw().name(), topics.alerts().name()));
        return kafka;
    }

    private static void stampAppendTime(KafkaConfig kafka, Collection<String> topics) {
        try (Admin admin = Admin.create(kafka.commonProperties())) {
            AlterConfigOp logAppendTime = new AlterConfigOp(new ConfigEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                    "LogAppendTime"), AlterConfigOp.OpType.SET);
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new java.util.HashMap<>();
            topics.forEach(t -> changes.put(new ConfigResource(ConfigResource.Type.TOPIC, t), List.of(logAppendTime)));
            admin.incrementalAlterConfigs(changes).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring " + topics, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot set LogAppendTime on " + topics + ": " + e, e);
        }
    }
}
