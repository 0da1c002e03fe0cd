package io.newsmonitor.app.cli;

import io.newsmonitor.app.bench.Bench;
import io.newsmonitor.app.broker.EmbeddedBroker;
import io.newsmonitor.app.bench.BenchOptions;
import io.newsmonitor.app.wiring.AppConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsmonitor bench}: throughput, latency and growth of the pipeline on generated announcements, beside a
 * pass-through topology on the same broker and records; a table on the terminal and JSON in {@code target/bench/}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure throughput, time until visible, latency and growth on generated announcements.",
                "Runs on an embedded broker of its own in a scratch directory (or --bootstrap-servers),",
                "each measurement on fresh bench-* topics and empty state."})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--count", defaultValue = "20000",
            description = "Announcements of the burst (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--warm-up", defaultValue = "3000",
            description = "Announcements of a first full-path burst, not measured, so that the JVM's code is compiled "
                    + "as in a running service; 0 to measure a fresh JVM (default: ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--rate", defaultValue = "500",
            description = "Offered rate of the latency measurement, per second (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--latency-seconds", defaultValue = "20",
            description = "How long the rate is offered (default: ${DEFAULT-VALUE})")
    int latencySeconds;

    @Option(names = "--growth", split = ",", defaultValue = "10000,100000",
            description = "Announcements already in the dedup and story windows, comma-separated; 0 to skip "
                    + "(default: ${DEFAULT-VALUE})")
    List<Integer> growth;

    @Option(names = "--dictionary", defaultValue = "20000",
            description = "Actor-dictionary size compared with the project's; 0 to skip (default: ${DEFAULT-VALUE})")
    int dictionary;

    @Option(names = "--seed", defaultValue = "11", description = "Seed of the generated announcements "
            + "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--output", defaultValue = "target/bench", paramLabel = "DIR",
            description = "Where the JSON report goes (default: ${DEFAULT-VALUE})")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AppConfig config = kafka.load();
        Path scratch = Files.createTempDirectory("newsmonitor-bench");
        Shutdown shutdown = new Shutdown();
        try {
            if (kafka.bootstrapServers == null) {
                // A broker of its own, in a scratch directory: the benchmark's topics never reach the user's data.
                config = config.withBootstrapServers(shutdown.add(EmbeddedBroker.start(scratch.resolve("kafka"),
                        freePort())).bootstrapServers());
            }
            Bench.run(config, new BenchOptions(count, warmUp, rate, latencySeconds,
                    growth.stream().filter(n -> n > 0).toList(), dictionary, seed, output, scratch.resolve("state")),
                    spec.commandLine().getOut());
        } finally {
            shutdown.stopAll();
            EmbeddedBroker.wipe(scratch);
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
