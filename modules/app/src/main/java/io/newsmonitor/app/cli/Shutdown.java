package io.newsmonitor.app.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds what a command started and stops it in reverse order on Ctrl-C (or when the command ends): the roles first,
 * so that they finish their transactions, then the broker.
 */
final class Shutdown {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    Shutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "shutdown"));
    }

    /** Remembers something to stop; returns it. */
    synchronized <T extends AutoCloseable> T add(T closeable) {
        if (stopped.getCount() == 0) {
            closeQuietly(closeable);
            throw new IllegalStateException("stopping: not starting anything more");
        }
        started.push(closeable);
        return closeable;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Error while stopping: {}", e.toString());
        }
    }

    /** Blocks until the process is asked to stop. */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    synchronized void stopAll() {
        if (stopped.getCount() == 0) {
            return;
        }
        LOG.info("Stopping...");
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
        LOG.info("Stopped");
        stopped.countDown();
    }
}
