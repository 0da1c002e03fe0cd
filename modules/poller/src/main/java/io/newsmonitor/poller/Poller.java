package io.newsmonitor.poller;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.poller.config.PollerConfig;
import io.newsmonitor.poller.runtime.PollerService;
import io.newsmonitor.runtime.Fatal;
import io.newsmonitor.runtime.LoopRole;
import io.newsmonitor.runtime.RoleHandle;

/** The poller role, as a process starts it: one instance of the poller group, on a thread of its own. */
public final class Poller {

    private Poller() {
    }

    /**
     * Starts a poller instance.
     *
     * @param registry where its meters go
     * @param fatal    what to do if it stops on an error (a fenced producer, a broker that refuses it)
     */
    public static RoleHandle start(PollerConfig config, KafkaConfig kafka, MeterRegistry registry, Fatal fatal) {
        return LoopRole.start("poller", PollerService.create(config, kafka, registry), fatal);
    }
}
