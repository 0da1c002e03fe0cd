package io.newsmonitor.app.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code newsmonitor broker} as a child process on a fixed port and data directory, so that it can be killed and
 * started again where the roles expect it.
 */
final class BrokerProcess {

    private static final Duration START = Duration.ofSeconds(60);

    private final int port;
    private final Path dataDir;
    private RoleProcess process;

    BrokerProcess(Path dataDir) {
        this.port = freePort();
        this.dataDir = dataDir;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Starts the broker and waits until it is ready (on the same port and data every time). */
    void start() {
        process = RoleProcess.start("broker", "broker", "--kafka-port", Integer.toString(port),
                "--data-dir", dataDir.toString());
        await().atMost(START).until(() -> process.logged("Broker ready at"));
    }

    /** {@code kill -9}: no clean shutdown, no log flush. */
    void kill() {
        process.kill();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
