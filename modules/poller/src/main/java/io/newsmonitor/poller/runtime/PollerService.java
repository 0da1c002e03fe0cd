package io.newsmonitor.poller.runtime;

import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.poller.config.PollerConfig;
import io.newsmonitor.poller.http.HostGate;
import io.newsmonitor.poller.http.HttpFetcher;
import io.newsmonitor.poller.http.PrivateAccess;
import io.newsmonitor.poller.http.RobotsPolicy;
import io.newsmonitor.poller.normalise.AnnouncementFactory;
import io.newsmonitor.poller.websub.Push;
import io.newsmonitor.poller.websub.WebSubSettings;
import io.newsmonitor.poller.websub.WebSubSubscriber;
import java.net.URI;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
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
    /** After starting renewals, how long before looking again (the hub answers meanwhile). */
    private static final long RENEWAL_BACKOFF_SECONDS = 5;
    /** The name robots.txt files address this poller by. */
    static final String ROBOTS_TOKEN = "newsmonitor";

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
    /** Per-host politeness, decided here so that no worker sleeps: the source polling each host, when each is free. */
    private final Map<String, String> hostHolders = new HashMap<>();
    private final Map<String, Instant> hostFreeAt = new HashMap<>();
    private final ConcurrentLinkedQueue<PollOutcome> done = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Push> pushes = new ConcurrentLinkedQueue<>();
    private final WebSubSettings websubSettings;
    private final WebSubSubscriber websub;
    private Instant nextRenewal = Instant.EPOCH;
    private volatile boolean failed;

    private KafkaConsumer<String, FeedSource> feedsConsumer;

    /**
     * @param websub  how pushes are received; WebSub is off when it has no callback address
     * @param fetcher how WebSub subscription requests are sent
     */
    public PollerService(PollerSettings settings, KafkaConfig kafka, SourcePoller poller, Schedule schedule,
                         Clock clock, WebSubSettings websub, HttpFetcher fetcher) {
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
    public static PollerService create(PollerConfig config, KafkaConfig kafka) {
        Clock clock = Clock.systemUTC();
        Schedule schedule = new Schedule(new java.util.Random());
        HttpFetcher fetcher = new HttpFetcher(config.http());
        HostGate gate = new HostGate(config.hostGap());
        RobotsPolicy robots = config.respectRobots() ? new RobotsPolicy(fetcher, gate, ROBOTS_TOKEN, clock)
                : RobotsPolicy.ignoring();
        SourcePoller sourcePoller = new SourcePoller(fetcher, gate, robots,
                new AnnouncementFactory(config.futureTolerance()), schedule, config.seenWindow(), clock);
        return new PollerService(config.runtime(), kafka, sourcePoller, schedule, clock, config.websub(), fetcher);
    }

    /** Runs until {@link #close()}; call on a thread of its own. */
    public void run() {
        Topic<String, FeedSource> feeds = topics.feeds();
        try (KafkaConsumer<String, FeedSource> consumer = new KafkaConsumer<>(feedsConsumerProps(),
                feeds.keySerde().deserializer(), feeds.valueSerde().deserializer());
             KafkaProducer<String, Object> producer = new KafkaProducer<>(producerProps())) {
            feedsConsumer = consumer;
            producer.initTransactions();
            consumer.subscribe(List.of(feeds.name()), new Rebalance());
            LOG.info("Poller {} started: group {}, {} workers", settings.instanceId(), settings.groupId(),
                    settings.workers());
            while (running.get()) {
                for (ConsumerRecord<String, FeedSource> record : consumer.poll(LOOP)) {
                    onFeedRecord(record);
                }
                takePushes();
                publishDone(producer, consumer);
                dispatchDue();
                renewSubscriptions();
            }
        } catch (ProducerFencedException e) {
            failed = true;
            LOG.error("Poller {} fenced by another instance with the same id; stopping", settings.instanceId());
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

    private void awaitWorkers() {
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onFeedRecord(ConsumerRecord<String, FeedSource> record) {
        String id = record.key();
        if (record.value() == null || !record.value().enabled()) {
            sources.remove(id);
            due.remove(id);
            return;
        }
        FeedSource previous = sources.put(id, record.value());
        if (previous == null) {
            due.putIfAbsent(id, schedule.first(record.value(), clock.instant()));
        } else if (!previous.url().equals(record.value().url())) {
            due.put(id, schedule.first(record.value(), clock.instant()));
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
                workers.execute(() -> {
                    try {
                        done.add(poller.poll(source, state));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }
    }

    private void publishDone(KafkaProducer<String, Object> producer, KafkaConsumer<String, FeedSource> consumer) {
        List<PollOutcome> batch = new ArrayList<>();
        for (PollOutcome o; batch.size() < MAX_OUTCOMES_PER_TRANSACTION && (o = done.poll()) != null; ) {
            inFlight.remove(o.state().sourceId());
            releaseHost(o.state().sourceId());
            if (sources.containsKey(o.state().sourceId())) {
                batch.add(o);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            producer.beginTransaction();
            for (PollOutcome outcome : batch) {
                for (Announcement a : outcome.announcements()) {
                    producer.send(new ProducerRecord<>(topics.raw().name(), a.id(), a));
                }
                producer.send(new ProducerRecord<>(topics.pollerState().name(), outcome.state().sourceId(),
                        outcome.state()));
            }
            producer.sendOffsetsToTransaction(positions(consumer), consumer.groupMetadata());
            producer.commitTransaction();
            for (PollOutcome outcome : batch) {
                states.put(outcome.state().sourceId(), outcome.state());
                due.put(outcome.state().sourceId(), nextDue(outcome.state()));
                subscribe(sources.get(outcome.state().sourceId()), outcome);
            }
        } catch (ProducerFencedException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("Poller {}: transaction of {} poll(s) aborted ({}); those sources will be polled again",
                    settings.instanceId(), batch.size(), e.getMessage());
            producer.abortTransaction();
            batch.forEach(o -> due.put(o.state().sourceId(), clock.instant().plusSeconds(1)));
        }
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
        return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<TopicPartition, OffsetAndMetadata> positions(KafkaConsumer<?, ?> consumer) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            offsets.put(tp, new OffsetAndMetadata(consumer.position(tp)));
        }
        return offsets;
    }

    /** Sources and states follow partition ownership. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // The whole compacted topic is the source list: always read it from the start.
            feedsConsumer.seekToBeginning(partitions);
            partitions.forEach(tp -> owned.add(tp.partition()));
            restoreStates(partitions);
            LOG.info("Poller {} now owns feeds partitions {}", settings.instanceId(), owned);
        }

        private void forget(Collection<TopicPartition> partitions) {
            Set<Integer> lost = new HashSet<>();
            partitions.forEach(tp -> lost.add(tp.partition()));
            owned.removeAll(lost);
            int count = topics.feeds().partitions();
            if (websub != null) {
                sources.keySet().stream().filter(id -> lost.contains(partitionOf(id, count))).toList()
                        .forEach(id -> workers.execute(() -> websub.unsubscribe(id)));
            }
            sources.keySet().removeIf(id -> lost.contains(partitionOf(id, count)));
            states.keySet().removeIf(id -> lost.contains(partitionOf(id, count)));
            due.keySet().removeIf(id -> lost.contains(partitionOf(id, count)));
        }
    }

    private static int partitionOf(String key, int partitions) {
        return org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                % partitions;
    }

    /** Reads the committed states of the sources of these partitions, up to the last stable offset. */
    private void restoreStates(Collection<TopicPartition> feedPartitions) {
        Topic<String, PollerState> stateTopic = topics.pollerState();
        List<TopicPartition> statePartitions = feedPartitions.stream()
                .map(tp -> new TopicPartition(stateTopic.name(), tp.partition())).toList();
        Map<String, Object> props = kafka.commonProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, PollerState> reader = new KafkaConsumer<>(props,
                stateTopic.keySerde().deserializer(), stateTopic.valueSerde().deserializer())) {
            reader.assign(statePartitions);
            reader.seekToBeginning(statePartitions);
            Map<TopicPartition, Long> end = reader.endOffsets(statePartitions);
            int restored = 0;
            while (statePartitions.stream().anyMatch(tp -> reader.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, PollerState> record : reader.poll(LOOP)) {
                    if (record.value() == null) {
                        states.remove(record.key());
                    } else {
                        states.put(record.key(), record.value());
                        restored++;
                    }
                }
            }
            states.values().forEach(s -> {
                if (s.nextPollAt() != null) {
                    due.put(s.sourceId(), s.nextPollAt());
                }
            });
            LOG.info("Poller {} restored {} source state record(s)", settings.instanceId(), restored);
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
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringSerializer.class);
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

    /** Whether the poll loop ended on an error rather than because it was closed. */
    public boolean failed() {
        return failed;
    }

    /** A new instance id for this process, unless one was configured. */
    public static String randomInstanceId() {
        return "poller-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
