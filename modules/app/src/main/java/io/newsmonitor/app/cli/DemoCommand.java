package io.newsmonitor.app.cli;

import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Pipeline;
import io.newsmonitor.app.wiring.Seeder;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.samples.SampleServer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsmonitor demo}: {@code run} plus a local server of the team's sample sources (feeds and press-room pages
 * in French, English and German, published gradually), so that a newcomer without internet sees the whole path:
 * announcements, alerts, aggregates. The sources of {@code feeds.yaml} are not seeded.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run every role against local sample sources that publish gradually (no internet needed).",
                "Watch the results with: ./newsmonitor tail alerts"})
final class DemoCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @Mixin
    KafkaOptions kafka;

    @Mixin
    BrokerOptions broker;

    @Mixin
    MonitoringOptions monitoring;

    @Option(names = "--step", defaultValue = "3s", description = "Time between two sample announcements "
            + "(default: ${DEFAULT-VALUE})", converter = DurationConverter.class)
    Duration step;

    @Option(names = "--initial", defaultValue = "10",
            description = "Sample announcements published from the start (default: ${DEFAULT-VALUE})")
    int initial;

    @Override
    public Integer call() throws Exception {
        AppConfig config = monitoring.apply(kafka.load());
        Shutdown shutdown = new Shutdown();
        config = Launcher.connect(config, kafka, broker, shutdown);
        Pipeline.prepare(config, false);
        SampleServer samples = shutdown.add(SampleServer.start(step, initial));
        Seeder.seed(config.kafka().commonProperties(), config.kafka().topics().feeds(),
                samples.sources(Duration.ofSeconds(5)), FeedSource::id);
        shutdown.add(Pipeline.start(config, EnumSet.allOf(Pipeline.Role.class)));
        LOG.info("Demo: {} sample announcements, one more every {} s. Alerts: ./newsmonitor tail alerts",
                samples.total(), step.toMillis() / 1000.0);
        shutdown.awaitStop();
        return 0;
    }
}
