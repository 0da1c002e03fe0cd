package io.newsmonitor.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Why a Streams role is not processing: after a crash or a rebalance a role rebuilds its state stores from their
 * changelogs before it processes anything, and Kafka's own clients say nothing at the log level roles run them at. A
 * role that stays out of {@code RUNNING} longer than {@code patience} is reported with the changelogs it is still
 * restoring, and how far each has come, or with none when it waits for the group's assignment or for a task to start
 * (its producer's transactions). So an operator (and a failed fault test) can tell a long restore from a stall.
 */
final class RebalanceWatch implements StateRestoreListener {

    /**
     * A changelog partition being restored.
     *
     * @param store  the store it restores
     * @param offset the offset restored up to so far
     * @param end    the offset restoration reads up to
     */
    record Restoring(String store, long offset, long end) {
    }

    private final String name;
    private final Duration patience;
    private final LongSupplier clock;
    private final Map<TopicPartition, Restoring> restoring = new ConcurrentHashMap<>();
    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
    private volatile long since;
    private volatile long lastWarning;

    /**
     * @param name     the role's name, as its log lines show it
     * @param patience how long the role may stay out of {@code RUNNING} before it is reported, and again after each
     *                 further such span
     * @param clock    milliseconds, monotonic
     */
    RebalanceWatch(String name, Duration patience, LongSupplier clock) {
        this.name = name;
        this.patience = patience;
        this.clock = clock;
        this.since = clock.getAsLong();
        this.lastWarning = since;
    }

    /** Notes a state change of the role's Kafka Streams instance. */
    void stateChanged(KafkaStreams.State now) {
        if (now != state) {
            since = clock.getAsLong();
            lastWarning = since;
        }
        state = now;
    }

    /**
     * The warning to log now, if any: the role has been out of {@code RUNNING} (and not stopped) for
     * {@code patience} since it last changed state or was last reported.
     */
    Optional<String> check() {
        long now = clock.getAsLong();
        if (!stalls(state) || now - lastWarning < patience.toMillis()) {
            return Optional.empty();
        }
        lastWarning = now;
        return Optional.of("%s: %s for %d s; %s".formatted(name, state,
                Duration.ofMillis(now - since).toSeconds(), restoringNow()));
    }

    private static boolean stalls(KafkaStreams.State state) {
        return state == KafkaStreams.State.CREATED || state == KafkaStreams.State.REBALANCING;
    }

    private String restoringNow() {
        if (restoring.isEmpty()) {
            return "no changelog is being restored: waiting for the group's assignment, or for a task to start";
        }
        return "restoring " + restoring.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString())))
                .map(e -> "%s (store %s) at offset %d of %d".formatted(e.getKey(), e.getValue().store(),
                        e.getValue().offset(), e.getValue().end()))
                .collect(Collectors.joining(", "));
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        restoring.put(partition, new Restoring(store, startingOffset, endingOffset));
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        restoring.computeIfPresent(partition, (p, r) -> new Restoring(r.store(), batchEndOffset, r.end()));
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(partition);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(partition);
    }
}
