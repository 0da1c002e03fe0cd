package io.newsmonitor.poller.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.poller.config.PollerConfig;
import io.newsmonitor.poller.config.PollerSettings;
import io.newsmonitor.poller.http.HostGate;
import io.newsmonitor.poller.http.HttpFetcher;
import io.newsmonitor.poller.websub.WebSubSettings;
import io.newsmonitor.runtime.Health;
import io.newsmonitor.runtime.LoopRole;
import io.newsmonitor.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poller instance. Instances share the sources through a Kafka consumer group on the compacted feeds topic: each
 * polls only the sources of the partitions it is assigned, and a dead instance's partitions (and so its sources)
 * move to the others at the next rebalance. The state of a source lives in the state topic, in the partition of the
 * same number (both are keyed by source id), and is read back when the partition is assigned.
 *
 * <p>The announcements of a poll and the source's new state are written in one Kafka transaction, together with the
 * feeds consumer's position: a crash between fetch and publish loses nothing (the state was not advanced), a
 * restart republishes nothing (the state says what was published), and an instance that lost its partitions without
 * knowing it is fenced off by the group generation (KIP-447), so two instances never publish for one source.
 *
 * <p>This class wires the parts and runs the poll loop, on one thread: {@link SourceOwnership} (which sources this
 * instance owns, and their states), the {@link Dispatcher} (which polls run when, politely), the
 * {@link OutcomePublisher} (the transactions) and {@link WebSubIntake} (pushes).
 */
public final class PollerService implements LoopRole.Loop {

    private static final Logger LOG = LoggerFactory.getLogger(PollerService.class);
    private static final Duration LOOP = Duration.ofMillis(100);
    /**
     * The producer's transaction timeout (Kafka's default, made explicit): a transaction open longer, its instance
     * gone, is aborted by the broker. Restoring states waits that long, and a little more, for one to end.
     */
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration SETTLE_MARGIN = Duration.ofSeconds(15);

    private final PollerSettings settings;
    private final KafkaConfig kafka;
    private final SourcePoller poller;
    private final Clock clock;
    private final ExecutorService workers;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final MeterRegistry registry;
    private final PollerMetrics metrics;
    private final Dispatcher dispatcher;
    private final SourceOwnership ownership;
    private final WebSubIntake websub;
    private volatile boolean failed;

    /**
     * @param gate     per-host politeness, shared with {@code poller}'s requests
     * @param websub   how pushes are received; WebSub is off when it has no callback address
     * @param fetcher  how WebSub subscription requests are sent
     * @param registry where the poller's meters and its Kafka clients' meters go
     */
    public PollerService(PollerSettings settings, KafkaConfig kafka, SourcePoller poller, HostGate gate,
                         Schedule schedule, Clock clock, WebSubSettings websub, HttpFetcher fetcher,
                         MeterRegistry registry) {
        this.settings = settings;
        this.kafka = kafka;
        this.poller = poller;
        this.clock = clock;
        this.registry = registry;
        this.metrics = new PollerMetrics(registry);
        this.workers = Executors.newFixedThreadPool(settings.workers(), runnable -> {
            Thread t = new Thread(runnable, "poller-worker");
            t.setDaemon(true);
            return t;
        });
        this.dispatcher = new Dispatcher(poller::poll, gate, workers, metrics, clock);
        this.ownership = new SourceOwnership(kafka, settings.instanceId(), TRANSACTION_TIMEOUT.plus(SETTLE_MARGIN),
                dispatcher, schedule, clock);
        this.websub = new WebSubIntake(websub, fetcher, workers, clock);
    }

    /** A poller instance with the standard fetcher, parser and adaptive schedule. */
    public static PollerService create(PollerConfig config, KafkaConfig kafka, MeterRegistry registry) {
        Clock clock = Clock.systemUTC();
        Schedule schedule = new Schedule(new Random());
        HttpFetcher fetcher = new HttpFetcher(config.http());
        HostGate gate = new HostGate(config.hostGap());
        return new PollerService(config.runtime(), kafka,
                SourcePoller.standard(config, fetcher, gate, schedule, clock), gate, schedule, clock,
                config.websub(), fetcher, registry);
    }

    /** Runs until {@link #close()}; call on a thread of its own. */
    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(feedsConsumerProps(),
                new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, Object> producer = new KafkaProducer<>(producerProps());
             KafkaClientMetrics consumerMetrics = bind(new KafkaClientMetrics(consumer, clientTags()));
             KafkaClientMetrics producerMetrics = bind(new KafkaClientMetrics(producer, clientTags()))) {
            checkPartitions(consumer);
            producer.initTransactions();
            OutcomePublisher publisher = new OutcomePublisher(new TransactionalPublisher(producer, kafka.topics(),
                    settings.instanceId()), consumer, ownership, poller, clock);
            ownership.subscribe(consumer, websub::unsubscribe);
            LOG.info("Poller {} started: group {}, {} workers", settings.instanceId(), settings.groupId(),
                    settings.workers());
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(LOOP)) {
                    ownership.onFeedRecord(record);
                }
                ownership.restorePending();
                websub.takePushes(ownership, dispatcher, poller);
                publishDone(publisher);
                dispatcher.dispatchDue(ownership::source, ownership::state);
                websub.renewDue();
            }
        } catch (TransactionalPublisher.FatalPublishException e) {
            failed = true;
            LOG.error("Poller {} stopping: {}", settings.instanceId(), e.getMessage());
        } catch (RuntimeException e) {
            failed = true;
            LOG.error("Poller {} failed; stopping", settings.instanceId(), e);
        } finally {
            workers.shutdownNow();
            awaitWorkers();
            websub.close();
            LOG.info("Poller {} stopped", settings.instanceId());
        }
    }

    /** Publishes the outcomes of finished polls of sources still owned, and schedules their next polls. */
    private void publishDone(OutcomePublisher publisher) {
        List<PollOutcome> finished = dispatcher.drain(OutcomePublisher.MAX_OUTCOMES_PER_TRANSACTION).stream()
                .filter(o -> ownership.source(o.state().sourceId()) != null).toList();
        publisher.publish(finished, new OutcomePublisher.Applied() {
            @Override
            public void applied(PollOutcome outcome, boolean published) {
                String id = outcome.state().sourceId();
                FeedSource source = ownership.source(id);
                if (source == null) {
                    return;
                }
                if (published) {
                    metrics.published(id, outcome.announcements().size());
                }
                ownership.update(outcome.state(), published);
                dispatcher.schedule(id, websub.nextDue(outcome.state()));
                websub.subscribe(source, outcome);
            }

            @Override
            public void retry(String sourceId, Instant at) {
                dispatcher.schedule(sourceId, at);
            }
        });
    }

    private KafkaClientMetrics bind(KafkaClientMetrics clientMetrics) {
        clientMetrics.bindTo(registry);
        return clientMetrics;
    }

    private static List<Tag> clientTags() {
        return List.of(Tag.of("role", "poller"));
    }

    /**
     * A source's state is written to the state partition of the same number as its feeds partition: the state topic
     * must have at least as many partitions as the feeds topic.
     */
    private void checkPartitions(KafkaConsumer<String, byte[]> consumer) {
        Topics topics = kafka.topics();
        int feedPartitions = consumer.partitionsFor(topics.feeds().name()).size();
        int statePartitions = consumer.partitionsFor(topics.pollerState().name()).size();
        if (statePartitions < feedPartitions) {
            throw new IllegalStateException("topic " + topics.pollerState().name() + " has " + statePartitions
                    + " partitions, fewer than the " + feedPartitions + " of " + topics.feeds().name()
                    + "; add partitions to it");
        }
    }

    private void awaitWorkers() {
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> feedsConsumerProps() {
        Map<String, Object> props = kafka.commonProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.instanceId() + "-feeds");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.sessionTimeout().toMillis() / 3);
        return props;
    }

    private Map<String, Object> producerProps() {
        Map<String, Object> props = kafka.commonProperties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, settings.instanceId());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.groupId() + "-" + settings.instanceId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AnyJsonSerializer.class);
        return props;
    }

    /**
     * Asks the poll loop to stop. It finishes the transaction under way, drops the polls still in flight (their
     * sources' state was not advanced, so they are polled again by whoever owns them next), stops its workers and
     * leaves the group. The thread running {@link #run()} ends soon after.
     */
    @Override
    public void close() {
        running.set(false);
    }

    /**
     * Ready once it joined its group (it was assigned its share of the sources, perhaps none); failed once the poll
     * loop ended on an error or was closed.
     */
    @Override
    public Health health() {
        if (failed || !running.get()) {
            return Health.failed(failed ? "FAILED" : "STOPPED");
        }
        return ownership.joined() ? Health.ready(ownership.ownedPartitions() + " feeds partitions")
                : Health.notReady("JOINING");
    }

    /** Whether the poll loop ended on an error rather than because it was closed. */
    @Override
    public boolean failed() {
        return failed;
    }
}
