package io.newsmonitor.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the embedded broker, for the commands that start one. */
public final class BrokerOptions {

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "Port of the embedded broker (default: ${DEFAULT-VALUE})")
    int kafkaPort;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the embedded broker keeps its data, in DIR/kafka (default: ${DEFAULT-VALUE}); the state "
                    + "stores are in processor.stateDir and sink.stateDir")
    Path dataDir;

    @Option(names = "--fresh", description = "Start from nothing: wipe the embedded broker's data and the state stores")
    boolean fresh;
}
