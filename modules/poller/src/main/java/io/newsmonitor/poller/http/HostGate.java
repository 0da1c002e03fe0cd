package io.newsmonitor.poller.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-host politeness: at most one request at a time to a host, and at least {@code gap} between the end of one and
 * the start of the next. Callers block until their turn.
 */
public final class HostGate {

    /** A piece of work done while holding a host's turn. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private static final class Host {
        final ReentrantLock lock = new ReentrantLock(true);
        long lastEndNanos = Long.MIN_VALUE;
    }

    private final long gapNanos;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    public HostGate(Duration gap) {
        this.gapNanos = gap.toNanos();
    }

    /** Runs {@code work} in {@code host}'s turn. */
    public <T, E extends Exception> T call(String host, Work<T, E> work) throws E, InterruptedException {
        Host h = hosts.computeIfAbsent(host == null ? "" : host.toLowerCase(Locale.ROOT), k -> new Host());
        h.lock.lockInterruptibly();
        try {
            if (h.lastEndNanos != Long.MIN_VALUE) {
                long wait = h.lastEndNanos + gapNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            return work.run();
        } finally {
            h.lastEndNanos = System.nanoTime();
            h.lock.unlock();
        }
    }
}
