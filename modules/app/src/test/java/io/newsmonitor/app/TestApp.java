package io.newsmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.testkit.TestConfigDir;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** A configuration directory for app tests: unique topics, groups and state, the project's dictionaries. */
public final class TestApp {

    private TestApp() {
    }

    /** Writes {@code newsmonitor.yaml}, the given sources and subscriptions, and returns the directory. */
    static Path configDir(Path temp, String prefix, String feeds, String subscriptions) {
        return configDir(temp, prefix, 2, feeds, subscriptions);
    }

    /** {@link #configDir(Path, String, String, String)} with topics of {@code partitions} partitions. */
    public static Path configDir(Path temp, String prefix, int partitions, String feeds, String subscriptions) {
        Path dir = TestConfigDir.withDictionaries(temp.resolve("config"));
        TestConfigDir.write(dir, "newsmonitor.yaml", """
                kafka:
                  topicPrefix: %1$s
                  partitions: %3$d
                poller:
                  groupId: %1$s-poller
                  hostGap: 0s
                processor:
                  applicationId: %1$s-processor
                  stateDir: %2$s
                sink:
                  applicationId: %1$s-sink
                  stateDir: %2$s
                  http:
                    listen: 127.0.0.1:0
                monitoring:
                  port: 0
                """.formatted(prefix, temp.resolve("state"), partitions));
        TestConfigDir.write(dir, "feeds.yaml", feeds);
        TestConfigDir.write(dir, "subscriptions.yaml", subscriptions);
        return dir;
    }

    /** Runs a command with the Kafka options appended, expects it to succeed, and returns what it printed. */
    static String run(String[] kafka, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(out));
        String[] all = new String[args.length + kafka.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(kafka, 0, all, args.length, kafka.length);
        assertThat(cli.execute(all)).as(String.join(" ", args)).isZero();
        return out.toString();
    }
}
