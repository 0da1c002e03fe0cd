package io.newsmonitor.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.delivery.config.DeliveryConfig;
import io.newsmonitor.delivery.runtime.DeliveryService;
import io.newsmonitor.runtime.Fatal;
import io.newsmonitor.runtime.LoopRole;
import io.newsmonitor.runtime.RoleHandle;

/**
 * Webhook delivery, as a process starts it: one instance of the delivery group on the alerts topic, on a thread of
 * its own, POSTing each alert to its subscription's webhook (see {@code docs/webhooks.md}).
 */
public final class Delivery {

    private Delivery() {
    }

    /**
     * Starts a delivery instance.
     *
     * @param registry where its meters go
     * @param fatal    what to do if it stops on an error (a broker that refuses it, an undelivered alert the broker
     *                 does not take)
     */
    public static RoleHandle start(DeliveryConfig config, KafkaConfig kafka, MeterRegistry registry, Fatal fatal) {
        return start(DeliveryService.create(config, kafka, registry), fatal);
    }

    /** Starts a delivery instance built by the caller (tests give it their resolver and clock). */
    public static RoleHandle start(DeliveryService service, Fatal fatal) {
        return LoopRole.start("delivery", service, fatal);
    }
}
