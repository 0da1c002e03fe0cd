package io.newsmonitor.app.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Replay;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsmonitor replay}: reclassifies the raw history with the current dictionaries into separate topics,
 * beside the live pipeline, then compares the two classifications.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Reclassify the whole raw history with the current dictionaries, beside the live pipeline.",
                "Writes to <prefix>.replay-<name>.* with its own application id, then compares with the live "
                        + "classification. Runs against a cluster (--bootstrap-servers or kafka.bootstrapServers)."})
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--name", description = "Replay name (default: the taxonomy version)")
    String name;

    @Option(names = "--follow", description = "Keep reclassifying new announcements after catching up")
    boolean follow;

    @Option(names = "--timeout", defaultValue = "60m", converter = DurationConverter.class,
            description = "Longest time to catch up (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AppConfig config = kafka.load();
        Replay replay = new Replay(config, name);
        Shutdown shutdown = new Shutdown();
        shutdown.add(replay.start(new SimpleMeterRegistry()));
        replay.awaitCaughtUp(timeout);
        print(replay, replay.compare(), spec.commandLine().getOut());
        if (follow) {
            shutdown.awaitStop();
        } else {
            shutdown.stopAll();
        }
        return 0;
    }

    private static void print(Replay replay, Replay.Comparison c, PrintWriter out) {
        out.printf("Replay %s caught up: %s.*%n", replay.name(), replay.output().prefix());
        out.printf("  classified (first seen): live %d, replay %d (only live %d, only replay %d)%n", c.live(),
                c.replayed(), c.onlyLive(), c.onlyReplayed());
        out.printf("  changed: aiCooperation %d, actors %d, themes %d%n", c.cooperationChanged(), c.actorsChanged(),
                c.themesChanged());
        c.examples().forEach(e -> out.println("    " + e));
        out.flush();
    }
}
