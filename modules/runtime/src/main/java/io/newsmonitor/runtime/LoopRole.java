package io.newsmonitor.runtime;

import java.time.Duration;

/**
 * A role that is one loop on a thread of its own (a poller, webhook delivery): started with its thread, asked for
 * health, and closed by asking the loop to stop and waiting a bounded time for its thread to end. A loop that ends on
 * an error rather than because it was closed tells {@link Fatal}.
 */
public final class LoopRole implements RoleHandle {

    /** The loop a {@link LoopRole} runs. */
    public interface Loop extends AutoCloseable {

        /** Runs until {@link #close()} or an error; called once, on the role's thread. */
        void run();

        /** Asks {@link #run()} to return soon; called from any thread. */
        @Override
        void close();

        /** How the loop is doing now; called from any thread. */
        Health health();

        /** Whether {@link #run()} returned on an error rather than because it was closed. */
        boolean failed();
    }

    private static final Duration CLOSE = Duration.ofSeconds(30);

    private final String name;
    private final Loop loop;
    private final Thread thread;

    private LoopRole(String name, Loop loop, Thread thread) {
        this.name = name;
        this.loop = loop;
        this.thread = thread;
    }

    /**
     * Starts {@code loop} on a thread named {@code name}.
     *
     * @param fatal told, with the role's name, when the loop ends on an error
     */
    public static LoopRole start(String name, Loop loop, Fatal fatal) {
        Thread thread = new Thread(() -> {
            loop.run();
            if (loop.failed()) {
                fatal.stopped(name);
            }
        }, name);
        thread.start();
        return new LoopRole(name, loop, thread);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Health health() {
        return loop.health();
    }

    /** Asks the loop to stop and waits up to 30 s for it to end (it finishes what it must, such as a transaction). */
    @Override
    public void close() {
        loop.close();
        try {
            thread.join(CLOSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
