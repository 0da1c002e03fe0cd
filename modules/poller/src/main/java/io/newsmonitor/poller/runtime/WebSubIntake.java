package io.newsmonitor.poller.runtime;

import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.poller.http.HttpFetcher;
import io.newsmonitor.net.PrivateAccess;
import io.newsmonitor.poller.websub.Push;
import io.newsmonitor.poller.websub.WebSubSettings;
import io.newsmonitor.poller.websub.WebSubSubscriber;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller's side of WebSub: subscribes to the hubs sources advertise, turns pushed content into outcomes on the
 * poll loop's thread (where the states live), renews leases, and slows polling down to the safety interval while a
 * source's hub pushes. Requests to hubs run on the workers (a hub may be slow). Does nothing when WebSub is off.
 */
final class WebSubIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebSubIntake.class);
    /** After starting renewals, how long before looking again (the hub answers meanwhile). */
    private static final long RENEWAL_BACKOFF_SECONDS = 5;

    private final WebSubSettings settings;
    /** {@code null} when WebSub is off. */
    private final WebSubSubscriber subscriber;
    private final ExecutorService workers;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Push> pushes = new ConcurrentLinkedQueue<>();
    private Instant nextRenewal = Instant.EPOCH;

    /**
     * Starts the callback server when WebSub is on.
     *
     * @param fetcher how subscription requests are sent
     */
    WebSubIntake(WebSubSettings settings, HttpFetcher fetcher, ExecutorService workers, Clock clock) {
        this.settings = settings;
        this.workers = workers;
        this.clock = clock;
        this.subscriber = settings.enabled() ? new WebSubSubscriber(settings, fetcher, pushes::add, clock) : null;
    }

    /**
     * Hands the pushes received to the dispatcher, as polls run now. A push for a source whose poll is in flight
     * waits until that poll is published, so that both never build on the same state.
     */
    void takePushes(SourceOwnership ownership, Dispatcher dispatcher, SourcePoller poller) {
        int waiting = pushes.size();
        for (int i = 0; i < waiting; i++) {
            Push push = pushes.poll();
            FeedSource source = ownership.source(push.sourceId());
            if (source != null && !dispatcher.runNow(source.id(), () -> poller.pushed(source,
                    ownership.state(source.id()), push.body(), push.contentType()))) {
                pushes.add(push);
            }
        }
    }

    /** Renews the leases nearly over, at most every few seconds. */
    void renewDue() {
        if (subscriber != null && clock.instant().isAfter(nextRenewal) && subscriber.renewalDue()) {
            nextRenewal = clock.instant().plusSeconds(RENEWAL_BACKOFF_SECONDS);
            workers.execute(subscriber::renewDue);
        }
    }

    /** Subscribes to the hub the source advertises in {@code outcome}, if any. */
    void subscribe(FeedSource source, PollOutcome outcome) {
        String hub = outcome.state().hub();
        if (subscriber == null || hub == null) {
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
        PrivateAccess access = PrivateAccess.of(source.url(), source.allowPrivateNetwork());
        workers.execute(() -> subscriber.subscribe(source.id(), hubUri, topic, access));
    }

    /** Forgets the subscription of a source this instance no longer owns, telling its hub. */
    void unsubscribe(String sourceId) {
        if (subscriber != null) {
            workers.execute(() -> subscriber.unsubscribe(sourceId));
        }
    }

    /** When the next poll is due: as the state says, but no sooner than the safety net while pushes arrive. */
    Instant nextDue(PollerState state) {
        Instant next = state.nextPollAt();
        if (subscriber != null && subscriber.isActive(state.sourceId())) {
            Instant safety = clock.instant().plus(settings.safetyInterval());
            return next == null || safety.isAfter(next) ? safety : next;
        }
        return next;
    }

    @Override
    public void close() {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
