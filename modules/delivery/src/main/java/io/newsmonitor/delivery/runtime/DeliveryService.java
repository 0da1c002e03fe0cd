package io.newsmonitor.delivery.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.delivery.config.DeliveryConfig;
import io.newsmonitor.delivery.http.Outcome;
import io.newsmonitor.delivery.http.WebhookClient;
import io.newsmonitor.json.Json;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.DeliveryState;
import io.newsmonitor.model.Webhook;
import io.newsmonitor.net.Resolver;
import io.newsmonitor.runtime.Health;
import io.newsmonitor.runtime.LoopRole;
import io.newsmonitor.topics.Decoded;
import io.newsmonitor.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook delivery instance: a plain consumer of the alerts topic in its own consumer group (instances of the group
 * share the alerts' partitions), never a side effect inside a Streams processor.
 *
 * <p>Each alert read goes to the queue of its subscription ({@link WebhookQueue}), when the subscription has a
 * webhook ({@link WebhookDirectory}); the queues are attempted independently, one request at a time each, through
 * the asynchronous {@link WebhookClient}, so one slow or failing webhook holds only its own alerts. An alert leaves
 * its queue when its webhook accepted it or when it was given up and written to the undelivered-alerts topic (with
 * headers naming address, attempts and last error). Offsets are committed only up to the first alert of each
 * partition not yet done ({@link PartitionOffsets}): delivery is at least once, a restart re-sends what was not
 * done, and receivers drop repeats by the {@code Idempotency-Key}. Reading pauses while {@code delivery.maxPending}
 * alerts are open, so the backlog held in memory stays bounded.
 *
 * <p>Each subscription's delivery state goes to the compacted delivery-state topic when it changes, at most once per
 * {@code delivery.stateInterval}. All of this runs on one thread; HTTP answers come back to it through a queue.
 */
public final class DeliveryService implements LoopRole.Loop {

    /** Header of an undelivered alert: the webhook's address, without user info and query. */
    public static final String HEADER_URL = "newsmonitor.delivery.url";
    /** Header of an undelivered alert: attempts made, in decimal. */
    public static final String HEADER_ATTEMPTS = "newsmonitor.delivery.attempts";
    /** Header of an undelivered alert: the last error. */
    public static final String HEADER_ERROR = "newsmonitor.delivery.error";
    /** Header of an undelivered alert: when it was given up, ISO-8601. */
    public static final String HEADER_GAVE_UP_AT = "newsmonitor.delivery.gaveUpAt";

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryService.class);
    private static final Duration LOOP = Duration.ofMillis(100);
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final DeliveryConfig config;
    private final KafkaConfig kafka;
    private final Topics topics;
    private final WebhookClient client;
    private final Clock clock;
    private final DoubleSupplier random;
    private final MeterRegistry registry;
    private final DeliveryMetrics metrics;
    private final Backoff backoff;
    private final String instanceId = UUID.randomUUID().toString().substring(0, 8);

    private final Map<String, WebhookQueue> queues = new HashMap<>();
    private final Map<TopicPartition, PartitionOffsets> offsets = new HashMap<>();
    /** What the HTTP and producer threads hand back to the delivery thread. */
    private final Queue<Runnable> completions = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile boolean failed;
    private volatile boolean caughtUp;
    private volatile boolean joined;
    private volatile int assigned;
    private volatile boolean paused;
    private KafkaProducer<String, byte[]> producer;

    /**
     * @param client   how webhooks are called
     * @param clock    the time of attempts, deadlines and states
     * @param random   random numbers in [0, 1) for the backoff's jitter
     * @param registry where the meters go
     */
    public DeliveryService(DeliveryConfig config, KafkaConfig kafka, WebhookClient client, Clock clock,
                           DoubleSupplier random, MeterRegistry registry) {
        this.config = config;
        this.kafka = kafka;
        this.topics = kafka.topics();
        this.client = client;
        this.clock = clock;
        this.random = random;
        this.registry = registry;
        this.metrics = new DeliveryMetrics(registry);
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff(), config.giveUpAfter());
    }

    /** An instance calling webhooks with the system's resolver and clock. */
    public static DeliveryService create(DeliveryConfig config, KafkaConfig kafka, MeterRegistry registry) {
        Clock clock = Clock.systemUTC();
        return new DeliveryService(config, kafka, new WebhookClient(config, Resolver.SYSTEM, clock), clock,
                () -> ThreadLocalRandom.current().nextDouble(), registry);
    }

    /** Runs until {@link #close()}; call on a thread of its own. */
    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> alerts = new KafkaConsumer<>(alertsConsumerProps(),
                new StringDeserializer(), new ByteArrayDeserializer());
             KafkaConsumer<String, byte[]> subscriptions = new KafkaConsumer<>(subscriptionsConsumerProps(),
                     new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(), new StringSerializer(),
                     new ByteArraySerializer());
             KafkaClientMetrics alertsMetrics = bind(new KafkaClientMetrics(alerts, clientTags()));
             KafkaClientMetrics producerMetrics = bind(new KafkaClientMetrics(producer, clientTags()));
             client) {
            this.producer = producer;
            WebhookDirectory directory = new WebhookDirectory(subscriptions, topics.subscriptions());
            directory.catchUp(CATCH_UP);
            caughtUp = true;
            alerts.subscribe(List.of(topics.alerts().name()), new Rebalance(alerts));
            LOG.info("Webhook delivery {} started: group {}, {} subscriptions with a webhook", instanceId,
                    config.groupId(), directory.webhooks());
            while (running.get()) {
                loop(alerts, directory);
            }
            producer.flush();
            runCompletions();
            commit(alerts);
        } catch (DeadLetterFailed e) {
            failed = true;
            LOG.error("Webhook delivery {} stopping: {}", instanceId, e.getMessage());
        } catch (RuntimeException e) {
            failed = true;
            LOG.error("Webhook delivery {} failed; stopping", instanceId, e);
        } finally {
            LOG.info("Webhook delivery {} stopped", instanceId);
        }
    }

    private void loop(KafkaConsumer<String, byte[]> alerts, WebhookDirectory directory) {
        directory.follow();
        ConsumerRecords<String, byte[]> records = alerts.poll(LOOP);
        assigned = alerts.assignment().size();
        if (!records.isEmpty()) {
            catchUp(directory);
            records.forEach(record -> accept(record, directory));
        }
        runCompletions();
        attemptDue(directory);
        commit(alerts);
        flowControl(alerts);
        publishStates();
    }

    /** Takes in the answers and acknowledgements that came back since the last time. */
    private void runCompletions() {
        for (Runnable completion = completions.poll(); completion != null; completion = completions.poll()) {
            completion.run();
        }
    }

    /** Makes the directory know every subscription the sink knew when it raised the alerts just read. */
    private void catchUp(WebhookDirectory directory) {
        try {
            directory.catchUp(CATCH_UP);
        } catch (TimeoutException e) {
            LOG.warn("Webhook delivery {}: {}; going on with the subscriptions read so far", instanceId,
                    e.getMessage());
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record, WebhookDirectory directory) {
        PartitionOffsets partition = offsets.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                PartitionOffsets::new);
        partition.read(record.offset());
        Decoded<Alert> decoded = Decoded.of(topics.alerts(), record.value());
        if (decoded.invalid() || decoded.value() == null) {
            LOG.warn("Alert '{}' at {}-{}@{} is unreadable and not delivered: {}", record.key(), record.topic(),
                    record.partition(), record.offset(), decoded.invalid() ? decoded.error() : "no value");
            partition.done(record.offset());
            return;
        }
        Alert alert = decoded.value();
        if (directory.webhook(alert.subscriptionId()) == null) {
            partition.done(record.offset());
            return;
        }
        queue(alert.subscriptionId()).add(new PendingAlert(partition, record.offset(), record.key(), record.value(),
                alert, json(alert), clock.instant().plus(config.giveUpAfter())));
    }

    private WebhookQueue queue(String subscriptionId) {
        return queues.computeIfAbsent(subscriptionId, id -> {
            WebhookQueue queue = new WebhookQueue(id);
            metrics.watch(queue);
            return queue;
        });
    }

    /** Starts an attempt for every queue whose webhook is due, and gives up the alerts whose webhook is gone. */
    private void attemptDue(WebhookDirectory directory) {
        Instant now = clock.instant();
        for (WebhookQueue queue : queues.values()) {
            Webhook webhook = directory.webhook(queue.subscriptionId());
            if (webhook == null) {
                if (queue.backlog() > 0) {
                    String error = "subscription '" + queue.subscriptionId() + "' has no webhook any more";
                    metrics.failed(queue.subscriptionId(), "no_webhook");
                    giveUp(queue, queue.remove(pending -> true), null, error);
                }
                continue;
            }
            String address = WebhookClient.displayAddress(webhook.url());
            queue.addressed(address);
            PendingAlert next = queue.nextDue(now);
            if (next != null) {
                client.post(webhook, next.alert().alertId(), next.body(),
                        outcome -> completions.add(() -> attempted(queue, next, address, outcome)));
            }
        }
    }

    /** An attempt ended (on the delivery thread). */
    private void attempted(WebhookQueue queue, PendingAlert pending, String address, Outcome outcome) {
        if (!queue.isInFlight(pending)) {
            return; // its partition was revoked or its webhook removed meanwhile
        }
        Instant now = clock.instant();
        Alert alert = pending.alert();
        switch (outcome.kind()) {
            case DELIVERED -> {
                queue.delivered(pending, now);
                pending.done();
                metrics.delivered(alert, now);
                LOG.info("Delivered alert {} of subscription '{}' to {} (attempt {})", alert.alertId(),
                        alert.subscriptionId(), address, pending.attempts());
            }
            case PERMANENT -> {
                queue.failedForGood(pending, outcome, now);
                metrics.failed(alert.subscriptionId(), outcome.reason());
                giveUp(queue, List.of(pending), address, outcome.error());
            }
            case RETRY -> {
                List<PendingAlert> expired = queue.failedForNow(pending, outcome, now, backoff,
                        random.getAsDouble());
                metrics.failed(alert.subscriptionId(), outcome.reason());
                if (!expired.contains(pending)) {
                    LOG.warn("Alert {} of subscription '{}' not delivered (attempt {}): {}; next attempt in {} ms",
                            alert.alertId(), alert.subscriptionId(), pending.attempts(), outcome.error(),
                            Duration.between(now, queue.nextAttempt()).toMillis());
                }
                giveUp(queue, expired, address, outcome.error());
            }
        }
    }

    /**
     * Writes alerts given up to the undelivered topic, as they were read, with headers naming the address, the
     * attempts and the last error. Each is done (for the commit) only once the broker has it.
     *
     * @param address the webhook's address as shown, or {@code null} when it has none any more
     */
    private void giveUp(WebhookQueue queue, List<PendingAlert> alerts, String address, String error) {
        if (alerts.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String topic = topics.undeliveredAlerts().name();
        for (PendingAlert pending : alerts) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, pending.key(),
                    pending.record());
            header(record, HEADER_URL, address == null ? "" : address);
            header(record, HEADER_ATTEMPTS, Integer.toString(pending.attempts()));
            header(record, HEADER_ERROR, error);
            header(record, HEADER_GAVE_UP_AT, now.toString());
            LOG.warn("Gave up alert {} of subscription '{}' after {} attempts ({}): {}; writing it to {}",
                    pending.alert().alertId(), queue.subscriptionId(), pending.attempts(), pending.origin(), error,
                    topic);
            producer.send(record, (metadata, exception) -> completions.add(() -> {
                if (exception != null) {
                    throw new DeadLetterFailed("cannot write undelivered alert " + pending.alert().alertId()
                            + " to " + topic + ": " + exception);
                }
                pending.done();
                metrics.undelivered(queue.subscriptionId());
            }));
        }
        queue.deadLettered(alerts.size());
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Commits each partition up to its first alert not done; a commit that fails now is made again next time. */
    private void commit(KafkaConsumer<String, byte[]> alerts) {
        Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
        offsets.forEach((partition, tracked) -> {
            OffsetAndMetadata offset = tracked.toCommit();
            if (offset != null) {
                due.put(partition, offset);
            }
        });
        if (due.isEmpty()) {
            return;
        }
        try {
            alerts.commitSync(due);
            due.forEach((partition, offset) -> {
                PartitionOffsets tracked = offsets.get(partition);
                if (tracked != null) {
                    tracked.committed(offset.offset());
                }
            });
        } catch (RetriableException | RebalanceInProgressException | CommitFailedException e) {
            LOG.info("Webhook delivery {}: commit of {} postponed: {}", instanceId, due.keySet(), e.toString());
        }
    }

    /** Pauses reading while too many alerts are open, and resumes once a quarter of them are done. */
    private void flowControl(KafkaConsumer<String, byte[]> alerts) {
        int open = offsets.values().stream().mapToInt(PartitionOffsets::open).sum();
        if (!paused && open >= config.maxPending()) {
            alerts.pause(alerts.assignment());
            paused = true;
            LOG.info("Webhook delivery {}: {} alerts open (delivery.maxPending {}); reading paused", instanceId,
                    open, config.maxPending());
        } else if (paused && open <= config.maxPending() * 3L / 4) {
            alerts.resume(alerts.paused());
            paused = false;
            LOG.info("Webhook delivery {}: {} alerts open; reading resumed", instanceId, open);
        }
    }

    private void publishStates() {
        Instant now = clock.instant();
        for (WebhookQueue queue : queues.values()) {
            DeliveryState state = queue.stateToPublish(now, config.stateInterval());
            if (state != null) {
                String topic = topics.deliveryState().name();
                producer.send(new ProducerRecord<>(topic, state.subscriptionId(),
                        topics.deliveryState().valueSerde().serializer().serialize(topic, state)), (m, e) -> {
                            if (e != null) {
                                LOG.warn("Delivery state of subscription '{}' not written: {}",
                                        state.subscriptionId(), e.toString());
                            }
                        });
            }
        }
    }

    /** Drops what was read from partitions this instance no longer has: their next owner reads them again. */
    private void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            PartitionOffsets tracked = offsets.remove(partition);
            if (tracked != null) {
                queues.values().forEach(queue -> queue.remove(pending -> pending.offsets() == tracked));
            }
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> alerts;

        Rebalance(KafkaConsumer<String, byte[]> alerts) {
            this.alerts = alerts;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit(alerts);
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> offsets.put(partition, new PartitionOffsets(partition)));
            if (paused) {
                alerts.pause(partitions);
            }
            joined = true;
        }
    }

    private static byte[] json(Alert alert) {
        try {
            return Json.mapper().writeValueAsBytes(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert always writes as JSON: " + alert.alertId(), e);
        }
    }

    private KafkaClientMetrics bind(KafkaClientMetrics clientMetrics) {
        clientMetrics.bindTo(registry);
        return clientMetrics;
    }

    private static List<Tag> clientTags() {
        return List.of(Tag.of("role", "delivery"));
    }

    private Map<String, Object> alertsConsumerProps() {
        Map<String, Object> props = kafka.commonProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-" + instanceId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(500, config.maxPending()));
        return props;
    }

    private Map<String, Object> subscriptionsConsumerProps() {
        Map<String, Object> props = kafka.commonProperties();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-" + instanceId + "-subscriptions");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    private Map<String, Object> producerProps() {
        Map<String, Object> props = kafka.commonProperties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.groupId() + "-" + instanceId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return props;
    }

    /**
     * Asks the loop to stop: it waits for the undelivered alerts being written, commits what is done, cancels the
     * requests in flight (their alerts are sent again by whoever reads them next) and leaves the group. The thread
     * running {@link #run()} ends soon after.
     */
    @Override
    public void close() {
        running.set(false);
    }

    /**
     * Ready once it read the subscriptions and joined its group (it was assigned its share of the alerts, perhaps
     * none); failed once the loop ended on an error or was closed.
     */
    @Override
    public Health health() {
        if (failed || !running.get()) {
            return Health.failed(failed ? "FAILED" : "STOPPED");
        }
        if (!caughtUp) {
            return Health.notReady("READING SUBSCRIPTIONS");
        }
        if (!joined) {
            return Health.notReady("JOINING");
        }
        return Health.ready(assigned + " alerts partitions" + (paused ? ", reading paused" : ""));
    }

    /** Whether the loop ended on an error rather than because it was closed. */
    @Override
    public boolean failed() {
        return failed;
    }

    /** The broker did not take an undelivered alert: going on would commit past an alert that is nowhere. */
    private static final class DeadLetterFailed extends RuntimeException {
        DeadLetterFailed(String message) {
            super(message);
        }
    }
}
