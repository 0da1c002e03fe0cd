package io.newsmonitor.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsmonitor.json.Json;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.DeliveryState;
import io.newsmonitor.runtime.Health;
import io.newsmonitor.topics.Decoded;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one consumer of a server that follows the topics as they are written: new alerts and new classified
 * announcements (from the end of their topics, committed records only) go to the live-event clients, and the
 * compacted delivery-state topic (read from its beginning) is kept as the latest state per subscription. It belongs
 * to no consumer group: every server sees every partition, and nothing is committed.
 */
final class LiveTopics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTopics.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Topic<String, Alert> alerts;
    private final Topic<String, ClassifiedAnnouncement> classified;
    private final Topic<String, DeliveryState> deliveryState;
    private final LiveEvents events;
    private final Map<String, DeliveryState> delivery = new ConcurrentHashMap<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Thread thread;
    private volatile Health health = Health.notReady("STARTING");

    LiveTopics(Map<String, Object> common, Topics topics, LiveEvents events) {
        Map<String, Object> props = new HashMap<>(common);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsmonitor-web-live");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.alerts = topics.alerts();
        this.classified = topics.classified();
        this.deliveryState = topics.deliveryState();
        this.events = events;
        this.thread = new Thread(this::run, "newsmonitor-web-live");
        this.thread.setDaemon(true);
    }

    /** Starts following the topics; returns once the consumer is positioned (so nothing written after is missed). */
    void start(Duration timeout) {
        thread.start();
        try {
            if (!assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Live events not positioned on their topics within {}; they start when the broker answers",
                        timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The latest delivery state of each subscription with a webhook, by subscription id. */
    List<DeliveryState> deliveryStates() {
        List<DeliveryState> states = new ArrayList<>(delivery.values());
        states.sort(Comparator.comparing(DeliveryState::subscriptionId));
        return states;
    }

    /** Whether the consumer follows its topics. */
    Health health() {
        return health;
    }

    private void run() {
        try {
            positionOnceTheBrokerAnswers();
            health = Health.ready("FOLLOWING");
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(POLL).forEach(this::dispatch);
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            health = Health.failed("live events stopped: " + e);
            LOG.error("Live events stopped: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Positions the consumer, asking again for as long as the broker does not answer: a server started before its
     * cluster follows the topics once the cluster is up, however long that takes.
     */
    private void positionOnceTheBrokerAnswers() {
        while (true) {
            try {
                position();
                return;
            } catch (TimeoutException e) {
                health = Health.notReady("WAITING FOR THE BROKER");
                LOG.warn("Live events: the broker did not answer ({}); asking again", e.getMessage());
            }
        }
    }

    private void position() {
        List<TopicPartition> tail = new ArrayList<>(partitions(alerts.name()));
        tail.addAll(partitions(classified.name()));
        List<TopicPartition> whole = partitions(deliveryState.name());
        List<TopicPartition> all = new ArrayList<>(tail);
        all.addAll(whole);
        consumer.assign(all);
        consumer.seekToEnd(tail);
        consumer.seekToBeginning(whole);
        tail.forEach(consumer::position);
        assigned.countDown();
        LOG.info("Live events follow {} and {} from their end, {} from its beginning", alerts.name(),
                classified.name(), deliveryState.name());
    }

    private List<TopicPartition> partitions(String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        String topic = record.topic();
        if (topic.equals(alerts.name())) {
            Alert alert = read(alerts, record).value();
            if (alert != null) {
                events.publish(new LiveEvents.Event("alert", alert.alertId(), json(alert)));
            }
        } else if (topic.equals(classified.name())) {
            ClassifiedAnnouncement announcement = read(classified, record).value();
            if (announcement != null) {
                events.publish(new LiveEvents.Event("announcement", announcement.id(),
                        json(Announcements.brief(announcement))));
            }
        } else {
            Decoded<DeliveryState> state = read(deliveryState, record);
            if (state.value() != null) {
                delivery.put(record.key(), state.value());
            } else if (!state.invalid()) {
                delivery.remove(record.key());
            }
        }
    }

    private static <V> Decoded<V> read(Topic<String, V> topic, ConsumerRecord<String, byte[]> record) {
        Decoded<V> decoded = Decoded.of(topic, record.value());
        if (decoded.invalid()) {
            LOG.warn("Live events skip record {} of {} (offset {}): {}", record.key(), record.topic(),
                    record.offset(), decoded.error());
        }
        return decoded;
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a contract record always writes as JSON", e);
        }
    }

    @Override
    public void close() {
        if (thread.isAlive()) {
            consumer.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
