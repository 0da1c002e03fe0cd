package io.newsmonitor.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The heap of this process during a measurement: the most in use at any sample (garbage included) and what is still
 * live after a full collection at the end (the state the roles hold).
 */
final class HeapSampler implements AutoCloseable {

    private static final long EVERY_MS = 50;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapSampler() {
        thread = new Thread(this::sample, "bench-heap");
        thread.setDaemon(true);
    }

    static HeapSampler start() {
        HeapSampler sampler = new HeapSampler();
        sampler.thread.start();
        return sampler;
    }

    private void sample() {
        while (running) {
            peak = Math.max(peak, MEMORY.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The most heap in use at any sample, MB. */
    long peakMb() {
        return peak >> 20;
    }

    /** Heap still in use after a full collection, MB. */
    static long liveMb() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed() >> 20;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
