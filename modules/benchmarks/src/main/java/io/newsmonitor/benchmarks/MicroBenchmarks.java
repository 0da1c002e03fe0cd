package io.newsmonitor.benchmarks;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TextBenchmark} and prints its scores as MB of text per second per core (one thread), beside the
 * issue's targets: classification at least 20 MB/s, and a 20,000-entry dictionary at most 1.5 times the cost of the
 * project's. {@code java -cp target/benchmarks.jar io.newsmonitor.benchmarks.MicroBenchmarks}
 */
public final class MicroBenchmarks {

    private MicroBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        double megabytes = AnnouncementCorpus.bytes(AnnouncementCorpus.announcements()) / 1e6;
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(TextBenchmark.class.getSimpleName()).build()).run();
        System.out.printf("%-12s %-10s %12s%n", "benchmark", "actors", "MB/s/core");
        double project = 0;
        double large = 0;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            String actors = r.getParams().getParam("actors");
            double rate = r.getPrimaryResult().getScore() * megabytes;
            System.out.printf(Locale.ROOT, "%-12s %-10s %12.2f%n", name, actors, rate);
            if (name.equals("classify")) {
                if (actors.equals("project")) {
                    project = rate;
                } else {
                    large = rate;
                }
            }
        }
        if (project > 0 && large > 0) {
            System.out.printf(Locale.ROOT, "classification: %.2f MB/s/core (target >= 20); 20,000 actors cost "
                    + "%.2fx the project's (target <= 1.5)%n", project, project / large);
        }
    }
}
