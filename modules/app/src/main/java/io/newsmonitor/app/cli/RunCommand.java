package io.newsmonitor.app.cli;

import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Pipeline;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsmonitor run}: every role in one process, with an embedded broker unless a cluster is named. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run every role (poller, processor, sink) in one process.",
                "Without --bootstrap-servers an embedded single-node Kafka broker is started on localhost."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    BrokerOptions broker;

    @Mixin
    MonitoringOptions monitoring;

    @Override
    public Integer call() throws Exception {
        AppConfig config = monitoring.apply(kafka.load());
        Shutdown shutdown = new Shutdown();
        config = Launcher.connect(config, kafka, broker, shutdown);
        Pipeline.prepare(config, true);
        shutdown.add(Pipeline.start(config, EnumSet.allOf(Pipeline.Role.class)));
        shutdown.awaitStop();
        return 0;
    }
}
