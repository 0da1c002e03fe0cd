package io.newsmonitor.app.cli;

import io.newsmonitor.app.wiring.AppConfig;
import picocli.CommandLine.Option;

/** Options of the commands that run roles: where their monitoring endpoints listen. */
public final class MonitoringOptions {

    @Option(names = "--monitoring-port", paramLabel = "PORT",
            description = "Port of /metrics and /health (default: monitoring.port, 9464); 0 for any free port. "
                    + "Each process on one machine needs its own")
    Integer port;

    /** {@code config} with the command line's port, if given. */
    AppConfig apply(AppConfig config) {
        return port == null ? config : config.withMonitoringPort(port);
    }
}
