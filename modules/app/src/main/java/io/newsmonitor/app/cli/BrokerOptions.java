package io.newsmonitor.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the embedded broker, for the commands that start one. */
public final class BrokerOptions {

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "Port of the embedded broker (default: ${DEFAULT-VALUE})")
    int kafkaPort;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the embedded broker and the state stores keep their data (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--fresh", description = "Wipe the data directory first")
    boolean fresh;
}
