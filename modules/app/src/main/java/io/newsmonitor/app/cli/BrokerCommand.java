package io.newsmonitor.app.cli;

import io.newsmonitor.app.broker.EmbeddedBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newsmonitor broker}: the embedded single-node KRaft broker alone, so that the roles can run as separate
 * processes on one machine ({@code poll}, {@code process} and {@code sink} with {@code --bootstrap-servers}), be
 * stopped, killed and restarted independently, and scaled by starting more of them.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run the embedded single-node Kafka broker alone, for roles started as separate processes",
                "(poll, process, sink with --bootstrap-servers localhost:PORT)."})
final class BrokerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerCommand.class);

    @Mixin
    BrokerOptions broker;

    @Override
    public Integer call() throws Exception {
        Shutdown shutdown = new Shutdown();
        Path logDir = broker.dataDir.resolve("kafka");
        if (broker.fresh) {
            EmbeddedBroker.wipe(logDir);
            LOG.info("Wiped {}", logDir);
        }
        EmbeddedBroker embedded = shutdown.add(EmbeddedBroker.start(logDir, broker.kafkaPort));
        LOG.info("Broker ready at {}", embedded.bootstrapServers());
        shutdown.awaitStop();
        return 0;
    }
}
