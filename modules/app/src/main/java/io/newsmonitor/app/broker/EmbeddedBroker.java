package io.newsmonitor.app.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) running inside this process: Kafka's own server
 * code, not a fake, so any client ({@code kcat}, another program) can use it on its port.
 *
 * <p>The log directory is formatted once, on first start, and kept across restarts; {@link #wipe(Path)} removes it.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a broker listening on {@code localhost:port}, keeping its data in {@code dataDir}.
     *
     * @throws BrokerStartException when the port is taken or the data directory cannot be used
     */
    public static EmbeddedBroker start(Path dataDir, int port) {
        requireFreePort(port);
        Path logDir = dataDir.toAbsolutePath();
        int controllerPort = freePortOtherThan(port);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", CONTROLLER);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // One broker: internal topics cannot be replicated, or consumer groups and transactions never work.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        try {
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            LOG.info("Embedded Kafka broker listening on localhost:{}, data in {}", port, logDir);
            return new EmbeddedBroker(server, "localhost:" + port);
        } catch (Exception e) {
            throw new BrokerStartException("cannot start the embedded Kafka broker on port " + port + " with data in "
                    + logDir + ": " + e.getMessage(), e);
        }
    }

    private static void format(Path logDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName(CONTROLLER)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
        LOG.info("Formatted a new Kafka log directory in {}", logDir);
    }

    /** Deletes the broker's data directory (for {@code --fresh}). */
    public static void wipe(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new BrokerStartException("cannot wipe " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("localhost", port));
        } catch (IOException e) {
            throw new BrokerStartException("port " + port + " is already in use: is another broker running? "
                    + "Use --kafka-port to choose another, or --bootstrap-servers to use the running one", e);
        }
    }

    /**
     * A free port for the controller listener. The client port is free too until the broker binds it, so the system
     * may offer that very port (a fault test's broker once failed to start on "each listener must have a different
     * port"): it is skipped.
     */
    private static int freePortOtherThan(int clientPort) {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (socket.getLocalPort() != clientPort) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new BrokerStartException("no free port for the controller listener", e);
            }
        }
    }

    /** {@code localhost:port} of the broker's client listener. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker, flushing its logs, and waits until it has stopped. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Embedded Kafka broker stopped");
    }

    /** The embedded broker could not start. */
    public static final class BrokerStartException extends RuntimeException {
        BrokerStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
