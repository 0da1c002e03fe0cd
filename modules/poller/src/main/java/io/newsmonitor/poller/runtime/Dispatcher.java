package io.newsmonitor.poller.runtime;

import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.poller.http.HostGate;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which polls run when: each source's next poll time, at most one poll in flight per source, and per-host
 * politeness through the {@link HostGate} (one poll of a host at a time, the host gap between two), so that a worker
 * is only handed a poll it can start at once. Polls run on the workers; their outcomes queue up until the poll loop
 * {@linkplain #drain drains} them. Used by the poll loop's thread only, but for the outcome queue.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** Runs one poll of a source from its state (on a worker). */
    @FunctionalInterface
    interface Poll {
        PollOutcome run(FeedSource source, PollerState state) throws InterruptedException;
    }

    /** Computes an outcome on the poll loop's thread (a WebSub push). */
    @FunctionalInterface
    interface Work {
        PollOutcome run() throws InterruptedException;
    }

    private final Poll poll;
    private final HostGate gate;
    private final ExecutorService workers;
    private final PollerMetrics metrics;
    private final Clock clock;
    private final Map<String, Instant> due = new HashMap<>();
    /** The sources whose poll is in flight, and the host each holds ({@code null} for a push, which holds none). */
    private final Map<String, String> inFlight = new HashMap<>();
    private final ConcurrentLinkedQueue<PollOutcome> done = new ConcurrentLinkedQueue<>();

    Dispatcher(Poll poll, HostGate gate, ExecutorService workers, PollerMetrics metrics, Clock clock) {
        this.poll = poll;
        this.gate = gate;
        this.workers = workers;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Polls the source at {@code at}, or as soon as it may after; {@code null} keeps the time it has. */
    void schedule(String sourceId, Instant at) {
        if (at != null) {
            due.put(sourceId, at);
        }
    }

    /** Polls the source at {@code at}, unless it is scheduled already. */
    void scheduleIfAbsent(String sourceId, Instant at) {
        due.putIfAbsent(sourceId, at);
    }

    /** Stops scheduling the source; a poll of it in flight still comes back. */
    void forget(String sourceId) {
        due.remove(sourceId);
    }

    /**
     * Hands due sources to the workers, longest overdue first (so that no source of a busy host starves), at most
     * one poll per host at a time and the host gap between two, so that a worker never waits for a host while others
     * are free.
     *
     * @param sources the sources this instance owns, by id, and their current states
     */
    void dispatchDue(Function<String, FeedSource> sources, Function<String, PollerState> states) {
        Instant now = clock.instant();
        List<Map.Entry<String, Instant>> overdue = due.entrySet().stream()
                .filter(e -> !e.getValue().isAfter(now)).sorted(Map.Entry.comparingByValue()).toList();
        for (Map.Entry<String, Instant> entry : overdue) {
            String id = entry.getKey();
            FeedSource source = sources.apply(id);
            if (inFlight.containsKey(id) || source == null) {
                continue;
            }
            String host = host(source);
            if (!gate.tryClaim(host)) {
                continue;
            }
            inFlight.put(id, host);
            PollerState state = states.apply(id);
            workers.execute(() -> pollGuarded(source, state));
        }
    }

    /**
     * Runs {@code work} now, on this thread, as the source's poll: {@code false} (and nothing run) while a poll of
     * the source is in flight, so that both never build on the same state.
     */
    boolean runNow(String sourceId, Work work) {
        if (inFlight.containsKey(sourceId)) {
            return false;
        }
        inFlight.put(sourceId, null);
        try {
            done.add(work.run());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inFlight.remove(sourceId);
        }
        return true;
    }

    /** Up to {@code max} outcomes of finished polls, oldest first; their sources and hosts are free again. */
    List<PollOutcome> drain(int max) {
        List<PollOutcome> outcomes = new ArrayList<>();
        for (PollOutcome o; outcomes.size() < max && (o = done.poll()) != null; ) {
            String host = inFlight.remove(o.state().sourceId());
            if (host != null) {
                gate.release(host);
            }
            outcomes.add(o);
        }
        return outcomes;
    }

    /**
     * Polls on a worker. Whatever happens, an outcome comes back, since the source's slot and its host are freed only
     * when it does: a poll that threw would otherwise hold its host, and every source on it, for good.
     */
    private void pollGuarded(FeedSource source, PollerState state) {
        long start = System.nanoTime();
        try {
            PollOutcome outcome = poll.run(source, state);
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
    private PollOutcome retryLater(PollerState s, Duration delay) {
        PollerState next = new PollerState(s.sourceId(), s.status(), s.etag(), s.lastModified(), s.seenIds(),
                s.lastSuccessAt(), s.lastErrorAt(), s.lastError(), s.consecutiveFailures(), s.currentInterval(),
                clock.instant().plus(delay), s.published(), s.hub());
        return new PollOutcome(List.of(), next, null, null);
    }

    private static String host(FeedSource source) {
        String host = URI.create(source.url()).getHost();
        return host == null ? "" : host;
    }
}
