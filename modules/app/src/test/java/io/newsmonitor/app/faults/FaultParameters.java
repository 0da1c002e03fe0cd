package io.newsmonitor.app.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The sizes of the fault tests, as system properties so that the full figures of the reliability issue can be run by
 * hand ({@code -Dfaults.announcements=5000 -Dfaults.outage=30s}); the defaults keep {@code mvn verify} short. The
 * seed is drawn once per JVM unless given, and printed in every test's figures so that a run can be repeated.
 */
final class FaultParameters {

    static final long SEED = Long.getLong("faults.seed", System.nanoTime());
    static final int ANNOUNCEMENTS = Integer.getInteger("faults.announcements", 600);
    /**
     * Where the mixes' publication times start: fixed for the JVM, so that a mix generated twice is the same mix (its
     * undisturbed run is shared), even across midnight.
     */
    static final Instant PUBLISHED_FROM = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
    static final Duration OUTAGE = Duration.parse("PT" + System.getProperty("faults.outage", "10s"));

    private FaultParameters() {
    }

    /** The longest a pipeline may take over {@code records} announcements: ten a second, and a minute to start. */
    static Duration budget(int records) {
        return Duration.ofSeconds(60 + records / 10);
    }
}
