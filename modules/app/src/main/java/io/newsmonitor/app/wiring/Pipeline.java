package io.newsmonitor.app.wiring;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmonitor.delivery.Delivery;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.poller.Poller;
import io.newsmonitor.poller.config.FeedCatalog;
import io.newsmonitor.processor.Processor;
import io.newsmonitor.rules.Rules;
import io.newsmonitor.runtime.BrokerProbe;
import io.newsmonitor.runtime.Fatal;
import io.newsmonitor.runtime.Meters;
import io.newsmonitor.runtime.MonitoringServer;
import io.newsmonitor.runtime.RoleHandle;
import io.newsmonitor.sink.Sink;
import io.newsmonitor.sink.SinkRole;
import io.newsmonitor.sink.config.SubscriptionCatalog;
import io.newsmonitor.topics.TopicCreator;
import io.newsmonitor.web.WebServer;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up of the roles against a cluster, as {@code run} and the one-role commands do it: create the topics,
 * seed sources and subscriptions, serve the monitoring endpoints, start the roles. Closing it stops the roles in
 * reverse order of start, then the endpoints.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    /** The roles a process can run. */
    public enum Role { POLLER, PROCESSOR, SINK }

    private final Deque<RoleHandle> started = new ArrayDeque<>();
    private final PrometheusMeterRegistry registry = Meters.prometheus();
    private MonitoringServer monitoring;
    private WebServer web;

    private Pipeline() {
    }

    /**
     * Creates the topics and seeds the sources (from {@code feeds.yaml} when asked) and subscriptions (from
     * {@code subscriptions.yaml}, each rule checked; one removed from the file is removed from the topic).
     */
    public static void prepare(AppConfig config, boolean seedFeedsFile) {
        TopicCreator.ensure(config.kafka().commonProperties(),
                config.kafka().topics().all());
        if (seedFeedsFile && Files.exists(config.feedsFile())) {
            List<FeedSource> sources = FeedCatalog.load(config.feedsFile());
            Seeder.seed(config.kafka().commonProperties(), config.kafka().topics().feeds(), sources, FeedSource::id);
        }
        if (Files.exists(config.subscriptionsFile())) {
            List<Subscription> subscriptions = SubscriptionCatalog.load(config.subscriptionsFile(),
                    Rules.load(config.dir()));
            Seeder.sync(config.kafka().commonProperties(), config.kafka().topics().subscriptions(), subscriptions,
                    Subscription::id);
        }
    }

    /**
     * Starts the roles asked for, downstream first so that nothing waits for its reader; a role that stops for good
     * ends the process (status 1) so that a supervisor restarts it.
     */
    public static Pipeline start(AppConfig config, Set<Role> roles) {
        return start(config, roles, Fatal.exitProcess());
    }

    /** Starts the roles asked for, with {@code fatal} called if one stops for good. */
    public static Pipeline start(AppConfig config, Set<Role> roles, Fatal fatal) {
        long start = System.nanoTime();
        Pipeline pipeline = new Pipeline();
        try {
            pipeline.serveMonitoring(config);
            if (roles.contains(Role.SINK)) {
                if (config.delivery().enabled()) {
                    pipeline.add(Delivery.start(config.delivery(), config.kafka(), pipeline.registry, fatal));
                }
                Rules rules = Rules.load(config.dir());
                SinkRole sink = Sink.start(rules, config.sink(), config.kafka(), pipeline.registry, fatal);
                pipeline.add(sink);
                if (config.web().enabled()) {
                    SubscriptionRules subscriptionRules = new SubscriptionRules(rules, config.kafka());
                    pipeline.web = WebServer.start(config.web(), config.kafka(), sink.queries(), subscriptionRules,
                            subscriptionRules, pipeline.registry);
                    pipeline.add(pipeline.web);
                }
            }
            if (roles.contains(Role.PROCESSOR)) {
                pipeline.add(Processor.start(config.dir(), config.processor(), config.kafka(),
                        config.kafka().topics(), config.kafka().topics(), pipeline.registry, fatal));
            }
            if (roles.contains(Role.POLLER)) {
                pipeline.add(Poller.start(config.poller(), config.kafka(), pipeline.registry, fatal));
            }
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        LOG.info("Started {} against {} in {} ms", roles, config.kafka().bootstrapServers(),
                (System.nanoTime() - start) / 1_000_000);
        return pipeline;
    }

    private void serveMonitoring(AppConfig config) {
        MonitoringConfig settings = config.monitoring();
        if (settings.enabled()) {
            monitoring = MonitoringServer.start(settings.host(), settings.port(), registry,
                    new BrokerProbe(config.kafka().commonProperties(), Clock.systemUTC()));
        }
    }

    private void add(RoleHandle role) {
        started.push(role);
        if (monitoring != null) {
            monitoring.watch(role);
        }
    }

    /** The port of the sink's dashboard and API, or -1 when this process serves none. */
    public int webPort() {
        return web == null ? -1 : web.port();
    }

    /** The port of the monitoring endpoints, or -1 when they are off. */
    public int monitoringPort() {
        return monitoring == null ? -1 : monitoring.port();
    }

    /**
     * Stops the roles: the poller first (it finishes its transaction), then the processor, then the sink, then webhook
     * delivery.
     */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            RoleHandle role = started.pop();
            try {
                role.close();
            } catch (RuntimeException e) {
                LOG.warn("Error while stopping the {}: {}", role.name(), e.toString());
            }
        }
        if (monitoring != null) {
            monitoring.close();
        } else {
            registry.close();
        }
    }
}
