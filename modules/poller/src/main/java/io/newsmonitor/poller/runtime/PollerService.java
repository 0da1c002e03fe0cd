package io.newsmonitor.poller.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.poller.config.PollerConfig;
import io.newsmonitor.poller.config.PollerSettings;
import io.newsmonitor.poller.http.HttpFetcher;
import io.newsmonitor.poller.http.PrivateAccess;
import io.newsmonitor.poller.websub.Push;
import io.newsmonitor.poller.websub.WebSubSettings;
import io.newsmonitor.poller.websub.WebSubSubscriber;
import io.newsmonitor.runtime.Health;
import io.newsmonitor.topics.CompactedTopicReader;
import io.newsmonitor.topics.CompactedTopicReader.Snapshot;
import io.newsmonitor.topics.Decoded;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
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
 */
public final class PollerService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollerService.class);
    private static final Duration LOOP = Duration.ofMillis(100);
    private static final int MAX_OUTCOMES_PER_TRANSACTION = 200;
    /** After a transaction failed for a transient reason, how long before its sources are polled again. */
    private static final Duration RETRY_PUBLISH = Duration.ofSeconds(2);
    /**
     * How often a state whose only change is timing (last success, next poll, interval) is written. Writing every
     * poll would rewrite the whole seen-id list (up to thousands of ids) on every 304; a restart loses at most this
     * much schedule, never an id.
     */
    private static final Duration TIMING_FLUSH = Duration.ofHours(1);
    /** After starting renewals, how long before looking again (the hub answers meanwhile). */
    private static final long RENEWAL_BACKOFF_SECONDS = 5;

    private final PollerSettings settings;
    private final KafkaConfig kafka;
    private final Topics topics;
    private final SourcePoller poller;
    private final Schedule schedule;
    private final Clock clock;
    private final ExecutorService workers;
    private final AtomicBoolean running = new AtomicBoolean(true);

    private final Map<String, FeedSource> sources = new HashMap<>();
    private final Map<String, PollerState> states = new HashMap<>();
    private final Map<String, Instant> due = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Set<Integer> owned = new HashSet<>();
    /** Each known source's partition of the feeds topic, as its record came (its state goes to the same number). */
    private final Map<String, Integer> partitions = new HashMap<>();
    /** When each source's state was last written to the state topic. */
    private final Map<String, Instant> written = new HashMap<>();
    /** Partitions assigned whose states are still to be read (outside the rebalance callback). */
    private final Set<Integer> toRestore = new HashSet<>();
    /** Per-host politeness, decided here so that no worker sleeps: the source polling each host, when each is free. */
    private final Map<String, String> hostHolders = new HashMap<>();
    private final Map<String, Instant> hostFreeAt = new HashMap<>();
    private final ConcurrentLinkedQueue<PollOutcome> done = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Push> pushes = new ConcurrentLinkedQueue<>();
    private final WebSubSettings websubSettings;
    private final WebSubSubscriber websub;
    private Instant nextRenewal = Instant.EPOCH;
    private final MeterRegistry registry;
    private final PollerMetrics metrics;
    private volatile boolean failed;
    private volatile boolean joined;
    private volatile int ownedPartitions;

    private KafkaConsumer<String, byte[]> feedsConsumer;
    private TransactionalPublisher publisher;

    /**
     * @param websub  how pushes are received; WebSub is off when it has no callback address
     * @param fetcher how WebSub subscription requests are sent
     * @param registry where the poller's meters and its Kafka clients' meters go
     */
    public PollerService(PollerSettings settings, KafkaConfig kafka, SourcePoller poller, Schedule schedule,
                         Clock clock, WebSubSettings websub, HttpFetcher fetcher, MeterRegistry registry) {
        this.registry = registry;
        this.metrics = new PollerMetrics(registry);
        this.settings = settings;
        this.websubSettings = websub;
        this.websub = websub.enabled() ? new WebSubSubscriber(websub, fetcher, pushes::add, clock) : null;
        this.kafka = kafka;
        this.topics = kafka.topics();
        this.poller = poller;
        this.schedule = schedule;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(settings.workers(), runnable -> {
            Thread t = new Thread(runnable, "poller-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** A poller instance with the standard fetcher, parser and adaptive schedule. */
    public static PollerService create(PollerConfig config, KafkaConfig kafka, MeterRegistry registry) {
        Clock clock = Clock.systemUTC();
        Schedule schedule = new Schedule(new Random());
        HttpFetcher fetcher = new HttpFetcher(config.http());
        return new PollerService(config.runtime(), kafka, SourcePoller.standard(config, fetcher, schedule, clock),
                schedule, clock, config.websub(), fetcher, registry);
    }

    /** Runs until {@link #close()}; call on a thread of its own. */
    public void run() {
        Topic<String, FeedSource> feeds = topics.feeds();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(feedsConsumerProps(),
                new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, Object> producer = new KafkaProducer<>(producerProps());
             KafkaClientMetrics consumerMetrics = bind(new KafkaClientMetrics(consumer, clientTags()));
             KafkaClientMetrics producerMetrics = bind(new KafkaClientMetrics(producer, clientTags()))) {
            feedsConsumer = consumer;
            checkPartitions(consumer);
            producer.initTransactions();
            publisher = new TransactionalPublisher(producer, topics, settings.instanceId());
            consumer.subscribe(List.of(feeds.name()), new Rebalance());
            LOG.info("Poller {} started: group {}, {} workers", settings.instanceId(), settings.groupId(),
                    settings.workers());
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(LOOP)) {
                    onFeedRecord(record);
                }
                restorePending();
                takePushes();
                publishDone(consumer);
                dispatchDue();
                renewSubscriptions();
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
            if (websub != null) {
                websub.close();
            }
            LOG.info("Poller {} stopped", settings.instanceId());
        }
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

    /**
     * A record of the feeds topic: a source to poll, a tombstone or a disabled source to stop polling, or a record
     * no poller can use (unreadable, invalid URL), which is skipped with one line naming its key; {@code feeds status}
     * lists it.
     */
    private void onFeedRecord(ConsumerRecord<String, byte[]> record) {
        String id = record.key();
        Decoded<FeedSource> decoded = Decoded.of(topics.feeds(), record.value());
        if (decoded.invalid()) {
            LOG.warn("Source {}: record at {}-{}@{} skipped: {}", id, record.topic(), record.partition(),
                    record.offset(), decoded.error());
        }
        FeedSource source = decoded.value();
        if (source == null || !source.enabled() || !source.id().equals(id)) {
            if (source != null && !source.id().equals(id)) {
                LOG.warn("Source {}: record skipped, its value names source '{}'", id, source.id());
            }
            sources.remove(id);
            due.remove(id);
            return;
        }
        partitions.put(id, record.partition());
        FeedSource previous = sources.put(id, source);
        if (previous == null) {
            due.putIfAbsent(id, schedule.first(source, clock.instant()));
        } else if (!previous.url().equals(source.url())) {
            due.put(id, schedule.first(source, clock.instant()));
        }
    }

    /**
     * Turns pushed content into outcomes, on this thread where the states live. A push for a source whose poll is in
     * flight waits until that poll is published, so that both never build on the same state.
     */
    private void takePushes() {
        int waiting = pushes.size();
        for (int i = 0; i < waiting; i++) {
            Push push = pushes.poll();
            FeedSource source = sources.get(push.sourceId());
            if (source == null) {
                continue;
            }
            if (inFlight.contains(push.sourceId())) {
                pushes.add(push);
                continue;
            }
            inFlight.add(push.sourceId());
            try {
                done.add(poller.pushed(source, states.getOrDefault(source.id(), PollerState.initial(source.id())),
                        push.body(), push.contentType()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inFlight.remove(push.sourceId());
            }
        }
    }

    private void renewSubscriptions() {
        if (websub != null && clock.instant().isAfter(nextRenewal) && websub.renewalDue()) {
            nextRenewal = clock.instant().plusSeconds(RENEWAL_BACKOFF_SECONDS);
            workers.execute(websub::renewDue);
        }
    }

    /** Subscribes to the hub a source advertises, off this thread (the hub may be slow). */
    private void subscribe(FeedSource source, PollOutcome outcome) {
        String hub = outcome.state().hub();
        if (websub == null || hub == null) {
            return;
        }
        URI hubUri;
        try {
            hubUri = URI.create(source.url()).resolve(hub);
        } catch (IllegalArgumentException e) {
            LOG.warn("Source {}: unusable WebSub hub address '{}'", source.id(), hub);
            return;
        }
        String topic = outcome.topic() != null ? outcome.topic() : source.url();
        // The hub address comes from the feed's content: it may be private only on the source's own host.
        PrivateAccess access = PrivateAccess.of(source);
        workers.execute(() -> websub.subscribe(source.id(), hubUri, topic, access));
    }

    /** When the next poll is due: as the state says, but no sooner than the safety net while pushes arrive. */
    private Instant nextDue(PollerState state) {
        Instant next = state.nextPollAt();
        if (websub != null && websub.isActive(state.sourceId())) {
            Instant safety = clock.instant().plus(websubSettings.safetyInterval());
            return next == null || safety.isAfter(next) ? safety : next;
        }
        return next;
    }

    /**
     * Hands due sources to the workers, longest overdue first (so that no source of a busy host starves), at most one
     * poll per host at a time and the host gap between two, so that a worker never waits for a host while others are
     * free.
     */
    private void dispatchDue() {
        Instant now = clock.instant();
        List<Map.Entry<String, Instant>> overdue = due.entrySet().stream()
                .filter(e -> !e.getValue().isAfter(now)).sorted(Map.Entry.comparingByValue()).toList();
        for (Map.Entry<String, Instant> entry : overdue) {
            String id = entry.getKey();
            if (!inFlight.contains(id) && sources.containsKey(id)) {
                FeedSource source = sources.get(id);
                String host = host(source);
                if (hostHolders.containsKey(host) || hostFreeAt.getOrDefault(host, Instant.EPOCH).isAfter(now)) {
                    continue;
                }
                hostHolders.put(host, id);
                PollerState state = states.getOrDefault(id, PollerState.initial(id));
                inFlight.add(id);
                workers.execute(() -> pollGuarded(source, state));
            }
        }
    }

    /**
     * Polls on a worker. Whatever happens, an outcome comes back, since the source's slot and its host are freed only
     * when it does: a poll that threw would otherwise hold its host, and every source on it, for good.
     */
    private void pollGuarded(FeedSource source, PollerState state) {
        long start = System.nanoTime();
        try {
            PollOutcome outcome = poller.poll(source, state);
            metrics.polled(source.id(), outcome.state().status(), Duration.ofNanos(System.nanoTime() - start));
            done.add(outcome);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.add(retryLater(state, source.minInterval()));
        } catch (RuntimeException | Error e) {
            LOG.error("Source {}: poll failed unexpectedly ({}); next try in {}", source.id(), e,
                    source.maxInterval());
            done.add(retryLater(state, source.maxInterval()));
        }
    }

    /** An outcome that publishes nothing and only moves the next poll. */
    private PollOutcome retryLater(PollerState state, Duration delay) {
        return new PollOutcome(List.of(), withNextPoll(state, clock.instant().plus(delay)), null, null);
    }

    private static PollerState withNextPoll(PollerState s, Instant next) {
        return new PollerState(s.sourceId(), s.status(), s.etag(), s.lastModified(), s.seenIds(), s.lastSuccessAt(),
                s.lastErrorAt(), s.lastError(), s.consecutiveFailures(), s.currentInterval(), next, s.published(),
                s.hub());
    }

    private void publishDone(KafkaConsumer<String, byte[]> consumer) {
        List<PollOutcome> batch = new ArrayList<>();
        for (PollOutcome o; batch.size() < MAX_OUTCOMES_PER_TRANSACTION && (o = done.poll()) != null; ) {
            inFlight.remove(o.state().sourceId());
            releaseHost(o.state().sourceId());
            if (sources.containsKey(o.state().sourceId())) {
                batch.add(o);
            }
        }
        List<PollOutcome> toWrite = new ArrayList<>();
        for (PollOutcome outcome : batch) {
            if (mustWrite(outcome)) {
                toWrite.add(outcome);
            } else {
                applied(outcome, false);
            }
        }
        if (toWrite.isEmpty()) {
            return;
        }
        TransactionalPublisher.Result result = publish(toWrite, consumer);
        if (result == TransactionalPublisher.Result.COMMITTED) {
            toWrite.forEach(o -> applied(o, true));
        } else if (result == TransactionalPublisher.Result.RETRY) {
            toWrite.forEach(o -> due.put(o.state().sourceId(), clock.instant().plus(RETRY_PUBLISH)));
        } else {
            toWrite.forEach(o -> publishAlone(o, consumer));
        }
    }

    /**
     * Publishes one outcome in a transaction of its own, after a transaction of several was refused, so that the
     * source at fault (a record the broker refuses) is found and marked failing, and the others are published.
     */
    private void publishAlone(PollOutcome outcome, KafkaConsumer<String, byte[]> consumer) {
        String id = outcome.state().sourceId();
        TransactionalPublisher.Result alone = publish(List.of(outcome), consumer);
        if (alone == TransactionalPublisher.Result.COMMITTED) {
            applied(outcome, true);
            return;
        }
        if (alone == TransactionalPublisher.Result.REFUSED) {
            PollerState previous = states.getOrDefault(id, PollerState.initial(id));
            PollOutcome failure = poller.notPublished(sources.get(id), previous, publisher.lastError());
            if (publish(List.of(failure), consumer) == TransactionalPublisher.Result.COMMITTED) {
                applied(failure, true);
                return;
            }
        }
        due.put(id, clock.instant().plus(RETRY_PUBLISH));
    }

    private TransactionalPublisher.Result publish(List<PollOutcome> outcomes, KafkaConsumer<String, byte[]> consumer) {
        return publisher.publish(outcomes, this::statePartition, positions(consumer), consumer.groupMetadata());
    }

    private int statePartition(String sourceId) {
        return partitions.get(sourceId);
    }

    /**
     * Whether an outcome must go to Kafka: it has announcements, or its state changed in more than timing, or the
     * state was not written for {@link #TIMING_FLUSH}.
     */
    private boolean mustWrite(PollOutcome outcome) {
        PollerState next = outcome.state();
        PollerState previous = states.get(next.sourceId());
        Instant lastWrite = written.get(next.sourceId());
        return !outcome.announcements().isEmpty() || previous == null || lastWrite == null
                || !lastWrite.plus(TIMING_FLUSH).isAfter(clock.instant())
                || !withoutTiming(previous).equals(withoutTiming(next));
    }

    private static PollerState withoutTiming(PollerState s) {
        return new PollerState(s.sourceId(), s.status(), s.etag(), s.lastModified(), s.seenIds(), null,
                s.lastErrorAt(), s.lastError(), s.consecutiveFailures(), null, null, s.published(), s.hub());
    }

    /**
     * Takes an outcome as the source's state, and schedules its next poll.
     *
     * @param published whether it was written to Kafka (else it changed only timing, kept in memory)
     */
    private void applied(PollOutcome outcome, boolean published) {
        String id = outcome.state().sourceId();
        if (!sources.containsKey(id)) {
            return;
        }
        if (published) {
            written.put(id, clock.instant());
            metrics.published(id, outcome.announcements().size());
        }
        states.put(id, outcome.state());
        due.put(id, nextDue(outcome.state()));
        subscribe(sources.get(id), outcome);
    }

    /** Frees the host a source's poll held, from now plus the gap. */
    private void releaseHost(String sourceId) {
        hostHolders.entrySet().removeIf(e -> {
            if (e.getValue().equals(sourceId)) {
                hostFreeAt.put(e.getKey(), clock.instant().plus(settings.hostGap()));
                return true;
            }
            return false;
        });
    }

    private static String host(FeedSource source) {
        String host = URI.create(source.url()).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    private static Map<TopicPartition, OffsetAndMetadata> positions(KafkaConsumer<?, ?> consumer) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            offsets.put(tp, new OffsetAndMetadata(consumer.position(tp)));
        }
        return offsets;
    }

    /**
     * Sources and states follow partition ownership. The callbacks only take note: reading the states of new
     * partitions happens in the poll loop, so that a slow read never holds up the group's rebalance.
     */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            forget(revoked);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            forget(lost);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            // The whole compacted topic is the source list: always read it from the start.
            feedsConsumer.seekToBeginning(assigned);
            joined = true;
            assigned.forEach(tp -> {
                owned.add(tp.partition());
                toRestore.add(tp.partition());
            });
            ownedPartitions = owned.size();
            LOG.info("Poller {} now owns feeds partitions {}", settings.instanceId(), owned);
        }

        private void forget(Collection<TopicPartition> gone) {
            Set<Integer> lost = new HashSet<>();
            gone.forEach(tp -> lost.add(tp.partition()));
            owned.removeAll(lost);
            ownedPartitions = owned.size();
            toRestore.removeAll(lost);
            List<String> leaving = partitions.entrySet().stream().filter(e -> lost.contains(e.getValue()))
                    .map(Map.Entry::getKey).toList();
            if (websub != null) {
                leaving.forEach(id -> workers.execute(() -> websub.unsubscribe(id)));
            }
            leaving.forEach(id -> {
                partitions.remove(id);
                sources.remove(id);
                states.remove(id);
                due.remove(id);
                written.remove(id);
            });
        }
    }

    /**
     * Reads the committed states of the sources of newly assigned partitions, up to the last stable offset. Runs in
     * the poll loop before any dispatch, so that no source of those partitions is polled with a blank state. An
     * unreadable state record is skipped with one line: its source starts afresh (it may publish its current items
     * once more, which the processor's deduplication catches).
     */
    private void restorePending() {
        if (toRestore.isEmpty()) {
            return;
        }
        Set<Integer> restoring = Set.copyOf(toRestore);
        toRestore.clear();
        Snapshot<PollerState> snapshot = CompactedTopicReader.read(kafka.commonProperties(), topics.pollerState(),
                restoring, Function.identity());
        snapshot.invalid().forEach((id, error) -> LOG.warn("Source {}: unreadable state record skipped: {}", id,
                error));
        snapshot.values().forEach((id, state) -> {
            states.put(id, state);
            written.put(id, clock.instant());
            if (state.nextPollAt() != null) {
                due.put(id, state.nextPollAt());
            }
        });
        LOG.info("Poller {} restored {} source state record(s) of partitions {}", settings.instanceId(),
                snapshot.values().size(), restoring);
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
    public Health health() {
        if (failed || !running.get()) {
            return Health.failed(failed ? "FAILED" : "STOPPED");
        }
        return joined ? Health.ready(ownedPartitions + " feeds partitions") : Health.notReady("JOINING");
    }

    /** Whether the poll loop ended on an error rather than because it was closed. */
    public boolean failed() {
        return failed;
    }
}
