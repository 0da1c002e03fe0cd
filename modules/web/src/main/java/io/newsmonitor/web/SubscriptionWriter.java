package io.newsmonitor.web;

import io.newsmonitor.model.Subscription;
import io.newsmonitor.topics.RecordOrigin;
import io.newsmonitor.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes subscription changes to the compacted subscriptions topic, where every sink instance reads them: the
 * subscription under its id, or a tombstone that deletes it. Each write waits for the broker's acknowledgement, so that
 * the API answers only once the change is safe (an idempotent producer, {@code acks=all}).
 */
final class SubscriptionWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionWriter.class);

    private final Topic<String, Subscription> topic;
    private final KafkaProducer<String, Subscription> producer;
    private final Duration timeout;

    /**
     * @param common  the properties of every Kafka client (cluster, TLS, SASL)
     * @param timeout how long a write may take before the API answers 503
     */
    SubscriptionWriter(Map<String, Object> common, Topic<String, Subscription> topic, Duration timeout) {
        Map<String, Object> props = new HashMap<>(common);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "newsmonitor-web-subscriptions");
        this.topic = topic;
        this.timeout = timeout;
        this.producer = new KafkaProducer<>(props, new StringSerializer(), topic.valueSerde().serializer());
    }

    /** Writes the subscription; returns once the broker has it. */
    void put(Subscription subscription) {
        write(subscription.id(), subscription);
        LOG.info("Subscription {} saved through the API", subscription.id());
    }

    /** Writes the tombstone of a subscription; returns once the broker has it. */
    void delete(String id) {
        write(id, null);
        LOG.info("Subscription {} deleted through the API", id);
    }

    private void write(String id, Subscription value) {
        try {
            ProducerRecord<String, Subscription> record = new ProducerRecord<>(topic.name(), id, value);
            // Seeding from config/subscriptions.yaml deletes only what the file wrote: never what the API saved.
            record.headers().add(RecordOrigin.HEADER, RecordOrigin.API.getBytes(StandardCharsets.UTF_8));
            producer.send(record)
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while writing subscription " + id);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new UnavailableException("subscription " + id + " could not be written to " + topic.name() + ": "
                    + cause);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
