package io.newsmonitor.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.app.wiring.Pipeline;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.rules.Rules;
import io.newsmonitor.sink.config.SubscriptionCatalog;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The undisturbed run of a mix: processor and sink in the test's JVM on a deployment of their own, nothing killed.
 * Run once per broker and mix, and checked against what the classified announcements call for: every raw id in
 * exactly one of {@code classified} / {@code duplicates}, one alert per story and matching subscription, the
 * aggregate counts per key and day.
 */
final class Baseline {

    private static final Map<String, Outcome> RUNS = new ConcurrentHashMap<>();

    private Baseline() {
    }

    static Outcome of(String bootstrapServers, long seed, AnnouncementMix mix) {
        return RUNS.computeIfAbsent(bootstrapServers + "/" + seed + "/" + mix.announcements().size(),
                key -> run(bootstrapServers, mix));
    }

    private static Outcome run(String bootstrapServers, AnnouncementMix mix) {
        System.out.printf("Baseline of %d announcements, seed %d%n", mix.announcements().size(),
                FaultParameters.SEED);
        Path root = Path.of("target", "faults", "baseline-" + System.nanoTime());
        Deployment deployment = Deployment.create(bootstrapServers, root, "baseline");
        Rules rules = Rules.load(deployment.config("in-process").dir());
        List<Subscription> subscriptions =
                SubscriptionCatalog.load(deployment.config("in-process").subscriptionsFile(), rules);
        try (Pipeline roles = deployment.startInProcess(EnumSet.of(Pipeline.Role.PROCESSOR, Pipeline.Role.SINK))) {
            deployment.produce(mix);
            Outcome outcome = deployment.awaitOutcome(FaultParameters.budget(mix.announcements().size()),
                    o -> o.reached(mix.ids(), o.expectedAlertKeys(subscriptions, rules), o.expectedAggregates()));
            assertThat(outcome.lost(mix.ids())).as("baseline: raw ids without outcome").isEmpty();
            assertThat(outcome.repeated()).as("baseline: records duplicated").isEmpty();
            assertThat(outcome.alerts().keySet()).as("baseline: alerts")
                    .isEqualTo(outcome.expectedAlertKeys(subscriptions, rules));
            assertThat(outcome.aggregates()).as("baseline: aggregates").isEqualTo(outcome.expectedAggregates());
            return outcome;
        }
    }
}
