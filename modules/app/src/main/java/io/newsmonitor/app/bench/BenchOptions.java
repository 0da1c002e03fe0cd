package io.newsmonitor.app.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What a benchmark run measures.
 *
 * @param count          announcements of the burst (throughput, pass-through, time until visible)
 * @param warmUp         announcements of a first full-path burst that compiles the code before the measurements; 0
 *                       to measure a fresh JVM
 * @param rate           offered rate of the latency measurement, announcements per second
 * @param latencySeconds how long the latency measurement offers that rate
 * @param growth         announcements already in the dedup and story windows for the growth measurement
 * @param dictionary     actor-dictionary size compared with the project's (about 500 entries); 0 to skip
 * @param seed           seed of the generated announcements
 * @param output         where the JSON report is written
 * @param stateRoot      where the roles' state stores live during the run
 */
public record BenchOptions(int count, int warmUp, int rate, int latencySeconds, List<Integer> growth, int dictionary,
                           long seed, Path output, Path stateRoot) {

    public BenchOptions {
        if (count < 1 || rate < 1 || latencySeconds < 1) {
            throw new IllegalArgumentException("--count, --rate and --latency-seconds must be positive");
        }
        if (warmUp < 0) {
            throw new IllegalArgumentException("--warm-up must be 0 or more");
        }
        growth = List.copyOf(growth);
    }
}
