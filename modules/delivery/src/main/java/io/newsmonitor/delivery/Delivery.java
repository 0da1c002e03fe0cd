package io.newsmonitor.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.delivery.config.DeliveryConfig;
import io.newsmonitor.delivery.runtime.DeliveryService;
import io.newsmonitor.runtime.Fatal;
import io.newsmonitor.runtime.Health;
import io.newsmonitor.runtime.RoleHandle;
import java.time.Duration;

/**
 * Webhook delivery, as a process starts it: one instance of the delivery group on the alerts topic, on a thread of
 * its own, POSTing each alert to its subscription's webhook (see {@code docs/webhooks.md}).
 */
public final class Delivery implements RoleHandle {

    private static final Duration CLOSE = Duration.ofSeconds(30);

    private final DeliveryService service;
    private final Thread thread;

    private Delivery(DeliveryService service, Thread thread) {
        this.service = service;
        this.thread = thread;
    }

    /**
     * Starts a delivery instance.
     *
     * @param registry where its meters go
     * @param fatal    what to do if it stops on an error (a broker that refuses it, an undelivered alert the broker
     *                 does not take)
     */
    public static Delivery start(DeliveryConfig config, KafkaConfig kafka, MeterRegistry registry, Fatal fatal) {
        return start(DeliveryService.create(config, kafka, registry), fatal);
    }

    /** Starts a delivery instance built by the caller (tests give it their resolver and clock). */
    public static Delivery start(DeliveryService service, Fatal fatal) {
        Thread thread = new Thread(() -> {
            service.run();
            if (service.failed()) {
                fatal.stopped("delivery");
            }
        }, "delivery");
        thread.start();
        return new Delivery(service, thread);
    }

    @Override
    public String name() {
        return "delivery";
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
