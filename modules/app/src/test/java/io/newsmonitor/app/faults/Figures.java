package io.newsmonitor.app.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * The one-line summary of a fault test, printed and appended to {@code target/faults/figures.txt}: what was sent,
 * lost and duplicated, how many faults were injected, how long the roles took to resume output after each.
 *
 * @param fault      the fault injected
 * @param sent       records sent into the pipeline
 * @param lost       of them, records without an outcome
 * @param duplicated records beyond the first of their key on the checked topics
 * @param faults     faults injected
 * @param recoveries from each fault to the first new output after it
 * @param elapsed    the whole test
 */
record Figures(String fault, int sent, int lost, long duplicated, int faults, List<Duration> recoveries,
               Duration elapsed) {

    private static final Path FILE = Path.of("target", "faults", "figures.txt");

    void print() {
        String line = ("FIGURES %s: sent=%d lost=%d duplicated=%d faults=%d recovery max=%.1fs mean=%.1fs seed=%d "
                + "elapsed=%ds").formatted(fault, sent, lost, duplicated, faults, seconds(max()), seconds(mean()),
                FaultParameters.SEED, elapsed.toSeconds());
        System.out.println(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Duration max() {
        return recoveries.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private Duration mean() {
        return recoveries.isEmpty() ? Duration.ZERO
                : recoveries.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(recoveries.size());
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
