package io.newsmonitor.testkit;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique topic prefixes, so that tests sharing one broker never read each other's records. */
public final class TestTopics {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestTopics() {
    }

    /** A prefix such as {@code t7-e2e-1a2b} unique within this JVM and, with high probability, across runs. */
    public static String uniquePrefix(String label) {
        return "t" + COUNTER.incrementAndGet() + "-" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")
                + "-" + Long.toString(System.nanoTime() & 0xffffff, 36);
    }
}
