package io.newsmonitor.app.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.processor.Processor;
import io.newsmonitor.processor.config.ProcessorConfig;
import io.newsmonitor.runtime.Fatal;
import io.newsmonitor.runtime.RoleHandle;
import io.newsmonitor.sink.Sink;
import io.newsmonitor.sink.config.SinkConfig;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the benchmark starts the roles, through their facades, each under its own application id and
 * state directory so that every measurement starts from empty state: the configuration's settings otherwise.
 */
final class BenchRoles {

    private static final Logger LOG = LoggerFactory.getLogger(BenchRoles.class);

    private final AppConfig config;
    private final Path stateRoot;
    private final Fatal fatal;

    BenchRoles(AppConfig config, Path stateRoot) {
        this.config = config;
        this.stateRoot = stateRoot;
        this.fatal = role -> LOG.error("{} stopped for good: this run's figures are void", role);
    }

    /** A processor reading and writing {@code kafka}'s topics, with {@code processor}'s settings. */
    RoleHandle processor(String run, KafkaConfig kafka, ProcessorConfig processor, Path configDir,
                         MeterRegistry registry) {
        ProcessorConfig own = processor.withApplicationId(run + "-processor", state(run, "processor"));
        return Processor.start(configDir, own, kafka, kafka.topics(), kafka.topics(), registry, fatal);
    }

    /** A processor with the configuration's settings and dictionaries. */
    RoleHandle processor(String run, KafkaConfig kafka, MeterRegistry registry) {
        return processor(run, kafka, config.processor(), config.dir(), registry);
    }

    /** A sink reading and writing {@code kafka}'s topics. */
    RoleHandle sink(String run, KafkaConfig kafka, MeterRegistry registry) {
        SinkConfig own = config.sink().withApplicationId(run + "-sink", state(run, "sink"));
        return Sink.start(config.dir(), own, kafka, registry, fatal);
    }

    /** What a role that stops for good does: logs it, as the figures of its measurement are void. */
    Fatal fatal() {
        return fatal;
    }

    /** Where a run's role keeps its state stores. */
    Path stateDir(String run, String role) {
        return stateRoot.resolve(run).resolve(role);
    }

    private String state(String run, String role) {
        return stateDir(run, role).toString();
    }
}
