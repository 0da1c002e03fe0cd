package io.newsmonitor.app.cli;

import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Pipeline;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The commands that run one role each, for scaling out on a real cluster. */
final class RoleCommands {

    private RoleCommands() {
    }

    private abstract static class OneRole implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Mixin
        MonitoringOptions monitoring;

        abstract Pipeline.Role role();

        @Override
        public Integer call() throws Exception {
            AppConfig config = monitoring.apply(kafka.load());
            Shutdown shutdown = new Shutdown();
            Pipeline.prepare(config, role() == Pipeline.Role.POLLER);
            shutdown.add(Pipeline.start(config, EnumSet.of(role())));
            shutdown.awaitStop();
            return 0;
        }
    }

    @Command(name = "poll", mixinStandardHelpOptions = true,
            description = {"Run a poller instance against a cluster (--bootstrap-servers or kafka.bootstrapServers).",
                    "Instances share the sources through a consumer group; start more to scale out."})
    static final class Poll extends OneRole {
        @Override
        Pipeline.Role role() {
            return Pipeline.Role.POLLER;
        }
    }

    @Command(name = "process", mixinStandardHelpOptions = true,
            description = {"Run a processor instance (Kafka Streams) against a cluster.",
                    "Instances share the partitions of the raw topic; start more to scale out."})
    static final class Process extends OneRole {
        @Override
        Pipeline.Role role() {
            return Pipeline.Role.PROCESSOR;
        }
    }

    @Command(name = "sink", mixinStandardHelpOptions = true,
            description = {"Run a sink instance (alerts and aggregates, Kafka Streams) against a cluster.",
                    "Instances share the partitions of the classified topic; start more to scale out."})
    static final class Sink extends OneRole {
        @Override
        Pipeline.Role role() {
            return Pipeline.Role.SINK;
        }
    }
}
