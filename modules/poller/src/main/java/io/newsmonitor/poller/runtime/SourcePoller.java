package io.newsmonitor.poller.runtime;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.poller.config.PollerConfig;
import io.newsmonitor.poller.http.FetchChain;
import io.newsmonitor.poller.http.FetchException;
import io.newsmonitor.poller.http.FetchResult;
import io.newsmonitor.poller.http.FetchStep;
import io.newsmonitor.poller.http.HostGate;
import io.newsmonitor.poller.http.HttpFetcher;
import io.newsmonitor.net.PrivateAccess;
import io.newsmonitor.poller.http.SourceRequest;
import io.newsmonitor.poller.normalise.AnnouncementFactory;
import io.newsmonitor.poller.parse.FeedItem;
import io.newsmonitor.poller.parse.FeedParseException;
import io.newsmonitor.poller.parse.PageReader;
import io.newsmonitor.poller.parse.ParsedFeed;
import io.newsmonitor.poller.parse.SelectorHits;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one source once: conditional fetch, parse (strict, else lenient), keep the items not seen before, fetch their
 * article pages when the source wants full text, and compute the source's next state. Every page goes through one
 * fetch chain (robots.txt, politeness, fetch) and is read by one {@link PageReader}. Never throws for a bad source:
 * every failure becomes a {@code FAILING} state naming the cause, with one log line.
 */
public final class SourcePoller {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);

    private final FetchStep.Chain fetch;
    private final PageReader reader = new PageReader();
    private final AnnouncementFactory factory;
    private final Schedule schedule;
    private final int seenWindow;
    private final Clock clock;

    /**
     * @param fetch      how the source's pages are fetched
     * @param seenWindow how many published ids to remember per source, to recognise items already published
     */
    public SourcePoller(FetchStep.Chain fetch, AnnouncementFactory factory, Schedule schedule, int seenWindow,
                        Clock clock) {
        this.fetch = fetch;
        this.factory = factory;
        this.schedule = schedule;
        this.seenWindow = seenWindow;
        this.clock = clock;
    }

    /**
     * A poller with the standard fetch chain of {@code config} (robots.txt, per-host politeness, fetch): the one the
     * poller service runs, and the one {@code newsmonitor feeds check} tries sources with.
     */
    public static SourcePoller standard(PollerConfig config, Schedule schedule, Clock clock) {
        return standard(config, new HttpFetcher(config.http()), new HostGate(config.hostGap()), schedule, clock);
    }

    /**
     * {@link #standard(PollerConfig, Schedule, Clock)} fetching with {@code fetcher} (shared with WebSub) and taking
     * turns at {@code gate} (shared with the dispatcher).
     */
    public static SourcePoller standard(PollerConfig config, HttpFetcher fetcher, HostGate gate, Schedule schedule,
                                        Clock clock) {
        return new SourcePoller(FetchChain.standard(fetcher, gate, config.respectRobots(), clock),
                new AnnouncementFactory(config.futureTolerance(), config.maxTextChars()), schedule,
                config.seenWindow(), clock);
    }

    /** Polls the source; the outcome's state says whether it worked. */
    public PollOutcome poll(FeedSource source, PollerState state) throws InterruptedException {
        URI url = URI.create(source.url());
        try {
            FetchResult fetched = fetch.proceed(SourceRequest.of(source, url)
                    .conditional(state.etag(), state.lastModified()));
            if (fetched.notModified()) {
                return success(source, state, fetched, List.of(), state.status() == PollerState.Status.RECOVERED,
                        null, state.hub(), null, null);
            }
            ParsedFeed parsed = reader.listing(source, fetched);
            if (parsed.recovered()) {
                LOG.warn("Source {}: malformed feed, {} items recovered leniently ({})", source.id(),
                        parsed.items().size(), parsed.problem());
            }
            List<Announcement> fresh = fresh(source, state, parsed.items(), fetched.url());
            Duration hint = max(parsed.ttl(), fetched.freshFor());
            return success(source, state, fetched, fresh, parsed.recovered(), hint,
                    parsed.hub() != null ? parsed.hub() : state.hub(), parsed.self(), parsed.selectorHits());
        } catch (FetchException e) {
            return failure(source, state, e.getMessage(), e.kind() == FetchException.Kind.FATAL, e.retryAfter());
        } catch (FeedParseException e) {
            return failure(source, state, e.getMessage() + " at " + source.url(), false, null);
        } catch (RuntimeException e) {
            LOG.error("Source {}: unexpected failure at {}", source.id(), source.url(), e);
            return failure(source, state, "unexpected " + e, false, null);
        }
    }

    private List<Announcement> fresh(FeedSource source, PollerState state, List<FeedItem> items, URI base)
            throws InterruptedException {
        Instant now = clock.instant();
        Set<String> seen = new HashSet<>(state.seenIds());
        List<Announcement> fresh = new ArrayList<>();
        for (FeedItem item : items) {
            Announcement a = factory.create(source, item, base, now);
            if (a != null && seen.add(a.id())) {
                fresh.add(source.fullText() && a.url() != null ? withFullText(source, a) : a);
            }
        }
        // Feeds list newest first; publish oldest first so that consumers see them in order.
        Collections.reverse(fresh);
        return fresh;
    }

    /**
     * The announcement with its article page's text. The link comes from the feed's content, so it gets no more
     * trust than the source's own host has: a private address elsewhere is refused ({@link PrivateAccess}), and the
     * feed's text is published instead, with one log line, as when robots.txt forbids the page or it fails.
     */
    private Announcement withFullText(FeedSource source, Announcement a) throws InterruptedException {
        try {
            FetchResult page = fetch.proceed(SourceRequest.of(source, URI.create(a.url())));
            String markup = reader.article(source, page);
            return markup == null ? a : factory.withContent(a, markup);
        } catch (FetchException e) {
            LOG.warn("Source {}: article page not fetched, publishing the feed's text: {}", source.id(),
                    e.getMessage());
            return a;
        }
    }

    private PollOutcome success(FeedSource source, PollerState state, FetchResult fetched, List<Announcement> fresh,
                                boolean recovered, Duration hint, String hub, String topic, SelectorHits hits) {
        Instant now = clock.instant();
        Duration interval = schedule.afterSuccess(source, state.currentInterval(), fresh.size(), hint);
        PollerState next = new PollerState(source.id(),
                recovered ? PollerState.Status.RECOVERED : PollerState.Status.OK,
                fetched.etag() != null ? fetched.etag() : fetched.notModified() ? state.etag() : null,
                fetched.lastModified() != null ? fetched.lastModified()
                        : fetched.notModified() ? state.lastModified() : null,
                remember(state.seenIds(), fresh), now, state.lastErrorAt(), state.lastError(), 0, interval,
                schedule.next(now, interval), state.published() + fresh.size(), hub);
        if (!fresh.isEmpty()) {
            LOG.info("Source {}: {} new announcement(s)", source.id(), fresh.size());
        }
        return new PollOutcome(fresh, next, topic, hits);
    }

    /**
     * Content a WebSub hub pushed: its new items, and the state with them remembered. The schedule is left as it is.
     */
    public PollOutcome pushed(FeedSource source, PollerState state, byte[] body, String contentType)
            throws InterruptedException {
        try {
            ParsedFeed parsed = reader.pushed(body, contentType);
            List<Announcement> fresh = fresh(source, state, parsed.items(), URI.create(source.url()));
            Instant now = clock.instant();
            PollerState next = new PollerState(source.id(), state.status(), state.etag(), state.lastModified(),
                    remember(state.seenIds(), fresh), now, state.lastErrorAt(), state.lastError(),
                    state.consecutiveFailures(), state.currentInterval(), state.nextPollAt(),
                    state.published() + fresh.size(), state.hub());
            LOG.info("Source {}: WebSub push, {} new announcement(s)", source.id(), fresh.size());
            return new PollOutcome(fresh, next, null, null);
        } catch (FeedParseException e) {
            LOG.warn("Source {}: WebSub push ignored: {}", source.id(), e.getMessage());
            return new PollOutcome(List.of(), state, null, null);
        }
    }

    /**
     * The outcome of a poll whose announcements could not be published (a transaction refused them even alone): the
     * source is marked failing with the reason and tried again later; its state keeps the items unpublished, so the
     * next poll offers them again.
     */
    public PollOutcome notPublished(FeedSource source, PollerState state, String problem) {
        return failure(source, state, "announcements not published: " + problem, false, null);
    }

    /**
     * @param permanent whether the source must change before it can work (backs off to its maximum interval)
     */
    private PollOutcome failure(FeedSource source, PollerState state, String problem, boolean permanent,
                                Duration retryAfter) {
        Instant now = clock.instant();
        int failures = state.consecutiveFailures() + 1;
        Duration delay = schedule.afterFailure(source, failures, permanent, retryAfter);
        LOG.warn("Source {}: {} (failure {} in a row, next try in {})", source.id(), problem, failures, delay);
        PollerState next = new PollerState(source.id(), PollerState.Status.FAILING, state.etag(),
                state.lastModified(), state.seenIds(), state.lastSuccessAt(), now, problem, failures,
                state.currentInterval(), schedule.next(now, delay), state.published(), state.hub());
        return new PollOutcome(List.of(), next, null, null);
    }

    private List<String> remember(List<String> seen, List<Announcement> fresh) {
        Deque<String> window = new ArrayDeque<>(new LinkedHashSet<>(seen));
        fresh.forEach(a -> window.addLast(a.id()));
        while (window.size() > seenWindow) {
            window.removeFirst();
        }
        return List.copyOf(window);
    }

    private static Duration max(Duration a, Duration b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
