package io.newsmonitor.poller.runtime;

import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.topics.CompactedTopicReader;
import io.newsmonitor.topics.CompactedTopicReader.Snapshot;
import io.newsmonitor.topics.Decoded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which sources this instance owns, and their states. Sources follow the partitions of the feeds topic the group
 * assigns: each source record comes in the partition Kafka's partitioner chose for its key, and the source's state
 * goes to the state topic's partition of the same number, where whoever owns the source next finds it.
 *
 * <p>The rebalance callbacks only take note: the states of newly assigned partitions are read in the poll loop
 * ({@link #restorePending}), so that a slow read never holds up the group's rebalance, and before any dispatch, so
 * that no source of those partitions is polled with a blank state. Used by the poll loop's thread only (the
 * callbacks run on it, inside {@code poll}).
 */
final class SourceOwnership implements ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(SourceOwnership.class);

    private final KafkaConfig kafka;
    private final String instanceId;
    private final Duration settle;
    private final Dispatcher dispatcher;
    private final Schedule schedule;
    private final Clock clock;
    private final Map<String, FeedSource> sources = new HashMap<>();
    private final Map<String, PollerState> states = new HashMap<>();
    /** Each known source's partition of the feeds topic, as its record came (its state goes to the same number). */
    private final Map<String, Integer> partitions = new HashMap<>();
    /** When each source's state was last written to the state topic (or read from it). */
    private final Map<String, Instant> written = new HashMap<>();
    private final Set<Integer> owned = new HashSet<>();
    /** Partitions assigned whose states are still to be read (outside the rebalance callback). */
    private final Set<Integer> toRestore = new HashSet<>();
    private KafkaConsumer<String, byte[]> consumer;
    private Consumer<String> onLeave = id -> { };
    private volatile boolean joined;
    private volatile int ownedPartitions;

    /**
     * @param settle how long a restore waits for the transactions open on the state partitions to end (see
     *               {@link #restorePending})
     */
    SourceOwnership(KafkaConfig kafka, String instanceId, Duration settle, Dispatcher dispatcher, Schedule schedule,
                    Clock clock) {
        this.kafka = kafka;
        this.instanceId = instanceId;
        this.settle = settle;
        this.dispatcher = dispatcher;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * Joins the group through {@code feedsConsumer}.
     *
     * @param leaving told of each source this instance stops owning
     */
    void subscribe(KafkaConsumer<String, byte[]> feedsConsumer, Consumer<String> leaving) {
        this.consumer = feedsConsumer;
        this.onLeave = leaving;
        feedsConsumer.subscribe(List.of(kafka.topics().feeds().name()), this);
    }

    /**
     * A record of the feeds topic: a source to poll, a tombstone or a disabled source to stop polling, or a record
     * no poller can use (unreadable, invalid URL), which is skipped with one line naming its key; {@code feeds status}
     * lists it.
     */
    void onFeedRecord(ConsumerRecord<String, byte[]> record) {
        String id = record.key();
        Decoded<FeedSource> decoded = Decoded.of(kafka.topics().feeds(), record.value());
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
            dispatcher.forget(id);
            return;
        }
        partitions.put(id, record.partition());
        FeedSource previous = sources.put(id, source);
        if (previous == null) {
            dispatcher.scheduleIfAbsent(id, schedule.first(source, clock.instant()));
        } else if (!previous.url().equals(source.url())) {
            dispatcher.schedule(id, schedule.first(source, clock.instant()));
        }
    }

    /**
     * Reads the committed states of the sources of newly assigned partitions, waiting for the transactions open on
     * them to end: this instance's last commit before the group took its partitions away (the broker writes a
     * commit's markers after answering it, and after a restart only once its transaction coordinator has loaded), or
     * the previous owner's last one. Reading only up to the last stable offset would then miss that state and publish
     * its announcements a second time. An unreadable state record is skipped with one line: its source starts afresh
     * (it may publish its current items once more, which the processor's deduplication catches).
     */
    void restorePending() {
        if (toRestore.isEmpty()) {
            return;
        }
        Set<Integer> restoring = Set.copyOf(toRestore);
        toRestore.clear();
        Snapshot<PollerState> snapshot = CompactedTopicReader.read(kafka.commonProperties(),
                kafka.topics().pollerState(), restoring, Function.identity(), settle);
        snapshot.invalid().forEach((id, error) -> LOG.warn("Source {}: unreadable state record skipped: {}", id,
                error));
        snapshot.values().forEach((id, state) -> {
            states.put(id, state);
            written.put(id, clock.instant());
            if (state.nextPollAt() != null) {
                dispatcher.schedule(id, state.nextPollAt());
            }
        });
        LOG.info("Poller {} restored {} source state record(s) of partitions {}", instanceId,
                snapshot.values().size(), restoring);
    }

    /** The source, if this instance owns it and it is enabled; else {@code null}. */
    FeedSource source(String id) {
        return sources.get(id);
    }

    /** The source's current state: as last published or restored, else blank. */
    PollerState state(String id) {
        return states.getOrDefault(id, PollerState.initial(id));
    }

    /** The source's state as last published or restored, or {@code null} for a source never polled. */
    PollerState knownState(String id) {
        return states.get(id);
    }

    /** The state topic partition the source's state goes to: that of its feeds record. */
    int partition(String id) {
        return partitions.get(id);
    }

    /** When the source's state was last written to (or read from) the state topic, or {@code null}. */
    Instant written(String id) {
        return written.get(id);
    }

    /** Takes a state as the source's own; {@code published} when it was also written to the state topic. */
    void update(PollerState state, boolean published) {
        if (published) {
            written.put(state.sourceId(), clock.instant());
        }
        states.put(state.sourceId(), state);
    }

    /** Whether the group assigned this instance its partitions (perhaps none) at least once. */
    boolean joined() {
        return joined;
    }

    /** How many feeds partitions this instance owns now. */
    int ownedPartitions() {
        return ownedPartitions;
    }

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
        consumer.seekToBeginning(assigned);
        joined = true;
        assigned.forEach(tp -> {
            owned.add(tp.partition());
            toRestore.add(tp.partition());
        });
        ownedPartitions = owned.size();
        LOG.info("Poller {} now owns feeds partitions {}", instanceId, owned);
    }

    private void forget(Collection<TopicPartition> gone) {
        Set<Integer> lost = new HashSet<>();
        gone.forEach(tp -> lost.add(tp.partition()));
        owned.removeAll(lost);
        ownedPartitions = owned.size();
        toRestore.removeAll(lost);
        List<String> leaving = partitions.entrySet().stream().filter(e -> lost.contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
        leaving.forEach(id -> {
            onLeave.accept(id);
            partitions.remove(id);
            sources.remove(id);
            states.remove(id);
            dispatcher.forget(id);
            written.remove(id);
        });
    }
}
