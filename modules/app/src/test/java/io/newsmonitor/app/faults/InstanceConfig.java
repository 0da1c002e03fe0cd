package io.newsmonitor.app.faults;

import io.newsmonitor.testkit.TestConfigDir;
import java.nio.file.Path;

/**
 * The configuration directory of one role instance in the fault tests: the deployment's topic prefix, groups and
 * application ids, and the instance's own state directory and poller instance id, as a supervisor would give each
 * process slot. A restarted process reuses its slot's directory, as it would on the same machine.
 *
 * <p>Sessions time out after 6 s (the broker's least), not 45 s: a killed instance's partitions move on sooner, and
 * the suite stays short.
 */
final class InstanceConfig {

    static final String SUBSCRIPTIONS = """
            subscriptions:
              - id: ai-cooperation
                aiCooperation: true
              - id: france-ai-cooperation
                actors: [FR]
                aiCooperation: true
              - id: maghreb-ai-cooperation
                anyActors: [TN, MA, AL]
                aiCooperation: true
              - id: ai-compute
                themes: [ai, compute]
            """;

    private InstanceConfig() {
    }

    /** Writes the directory {@code root/instance} for a deployment of prefix {@code prefix}, and returns it. */
    static Path write(Path root, String prefix, String instance, int partitions, String feeds) {
        Path dir = TestConfigDir.withDictionaries(root.resolve(instance));
        TestConfigDir.write(dir, "client.properties", """
                session.timeout.ms=6000
                heartbeat.interval.ms=2000
                """);
        TestConfigDir.write(dir, "newsmonitor.yaml", """
                kafka:
                  topicPrefix: %1$s
                  partitions: %2$d
                  clientConfig: %3$s
                poller:
                  groupId: %1$s-poller
                  instanceId: %4$s
                  hostGap: 0s
                  sessionTimeout: 6s
                processor:
                  applicationId: %1$s-processor
                  stateDir: %5$s
                sink:
                  applicationId: %1$s-sink
                  stateDir: %5$s
                  http:
                    listen: 127.0.0.1:0
                monitoring:
                  port: 0
                """.formatted(prefix, partitions, dir.resolve("client.properties"), instance,
                dir.resolve("state")));
        TestConfigDir.write(dir, "feeds.yaml", feeds);
        TestConfigDir.write(dir, "subscriptions.yaml", SUBSCRIPTIONS);
        return dir;
    }

    /** {@link #write} without sources, for processors and sinks. */
    static Path write(Path root, String prefix, String instance, int partitions) {
        return write(root, prefix, instance, partitions, "feeds: []\n");
    }
}
