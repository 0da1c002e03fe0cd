package io.newsmonitor.poller;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.poller.config.PollerConfig;
import io.newsmonitor.poller.runtime.PollerService;
import io.newsmonitor.runtime.Fatal;
import io.newsmonitor.runtime.Health;
import io.newsmonitor.runtime.RoleHandle;
import java.time.Duration;

/** The poller role, as a process starts it: one instance of the poller group, on a thread of its own. */
public final class Poller implements RoleHandle {

    private static final Duration CLOSE = Duration.ofSeconds(30);

    private final PollerService service;
    private final Thread thread;

    private Poller(PollerService service, Thread thread) {
        this.service = service;
        this.thread = thread;
    }

    /**
     * Starts a poller instance.
     *
     * @param registry where its meters go
     * @param fatal    what to do if it stops on an error (a fenced producer, a broker that refuses it)
     */
    public static Poller start(PollerConfig config, KafkaConfig kafka, MeterRegistry registry, Fatal fatal) {
        PollerService service = PollerService.create(config, kafka, registry);
        Thread thread = new Thread(() -> {
            service.run();
            if (service.failed()) {
                fatal.stopped("poller");
            }
        }, "poller");
        thread.start();
        return new Poller(service, thread);
    }

    @Override
    public String name() {
        return "poller";
    }

    @Override
    public Health health() {
        return service.health();
    }

    @Override
    public void close() {
        service.close();
        try {
            thread.join(CLOSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
