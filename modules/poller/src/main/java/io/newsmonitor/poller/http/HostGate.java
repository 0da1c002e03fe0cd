package io.newsmonitor.poller.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-host politeness, the one place it is decided: at most one request at a time to a host, and at least
 * {@code gap} between the end of one and the start of the next.
 *
 * <p>It is asked at two levels. The poll dispatcher {@linkplain #tryClaim claims} a host for a whole poll without
 * waiting, so that a worker is only given a poll whose host is free and no worker sleeps while others could work;
 * the claim ends with {@link #release}, and the gap runs from there. Each request of a poll (robots.txt, the feed,
 * article pages, possibly on other hosts) then takes its {@linkplain #call turn}, which waits for the gap since the
 * host's last request; the two share each host's time of last use, so neither undoes the other's gap. As a
 * {@link FetchStep}, it gives each request of a {@link FetchChain} its turn.
 */
public final class HostGate implements FetchStep {

    /** A piece of work done while holding a host's turn. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E, InterruptedException;
    }

    private static final class Host {
        final ReentrantLock lock = new ReentrantLock(true);
        /** When the host was last used (a request ended, or a poll's claim was released). */
        long lastEndNanos = Long.MIN_VALUE;
        boolean claimed;

        synchronized void used(long nanos) {
            lastEndNanos = lastEndNanos == Long.MIN_VALUE ? nanos : Math.max(lastEndNanos, nanos);
        }

        synchronized long lastEnd() {
            return lastEndNanos;
        }
    }

    private final long gapNanos;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    public HostGate(Duration gap) {
        this.gapNanos = gap.toNanos();
    }

    /** Runs {@code work} in {@code host}'s turn, waiting for the request before it and the gap after that. */
    public <T, E extends Exception> T call(String host, Work<T, E> work) throws E, InterruptedException {
        Host h = host(host);
        h.lock.lockInterruptibly();
        try {
            long wait = waitNanos(h);
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            return work.run();
        } finally {
            h.used(System.nanoTime());
            h.lock.unlock();
        }
    }

    /** Passes the request on in its host's turn. */
    @Override
    public FetchResult fetch(SourceRequest request, Chain next) throws FetchException, InterruptedException {
        return call(request.url().getHost(), () -> next.proceed(request));
    }

    /**
     * Claims {@code host} for a whole poll, without waiting: {@code false} when another poll holds it, or its gap
     * has not passed yet. A successful claim must be {@linkplain #release released}.
     */
    public synchronized boolean tryClaim(String host) {
        Host h = host(host);
        if (h.claimed || waitNanos(h) > 0) {
            return false;
        }
        h.claimed = true;
        return true;
    }

    /** Ends a poll's claim on {@code host}; the next poll of it may start after the gap. */
    public synchronized void release(String host) {
        Host h = host(host);
        h.claimed = false;
        h.used(System.nanoTime());
    }

    private long waitNanos(Host h) {
        long last = h.lastEnd();
        return last == Long.MIN_VALUE ? 0 : last + gapNanos - System.nanoTime();
    }

    private Host host(String host) {
        return hosts.computeIfAbsent(host == null ? "" : host.toLowerCase(Locale.ROOT), k -> new Host());
    }
}
