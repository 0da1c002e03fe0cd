package io.newsmonitor.poller.http;

import io.newsmonitor.net.AddressGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * How every page of a source is fetched: its steps in order, then the {@link HttpFetcher}, which checks and pins
 * every connection ({@link AddressGuard}) and enforces the body cap and the deadline. The poller's chain is
 * robots.txt, then per-host politeness, then the fetch ({@link #standard}); robots.txt itself is fetched through
 * politeness and the fetch. Thread-safe when its steps are.
 */
public final class FetchChain implements FetchStep.Chain {

    /** The name robots.txt files address this poller by. */
    private static final String ROBOTS_TOKEN = "newsmonitor";

    private final List<FetchStep> steps;
    private final HttpFetcher fetcher;

    private FetchChain(List<FetchStep> steps, HttpFetcher fetcher) {
        this.steps = List.copyOf(steps);
        this.fetcher = fetcher;
    }

    /** A chain of {@code steps}, in order, ending in {@code fetcher}. */
    public static FetchChain of(HttpFetcher fetcher, FetchStep... steps) {
        return new FetchChain(List.of(steps), fetcher);
    }

    /**
     * The poller's chain: the site's robots.txt (unless {@code respectRobots} is off, for deployments that must not
     * read it, such as intranets), then {@code gate}'s turn for the host, then the fetch.
     */
    public static FetchChain standard(HttpFetcher fetcher, HostGate gate, boolean respectRobots, Clock clock) {
        List<FetchStep> steps = new ArrayList<>();
        if (respectRobots) {
            steps.add(new RobotsPolicy(of(fetcher, gate), ROBOTS_TOKEN, clock));
        }
        steps.add(gate);
        return new FetchChain(steps, fetcher);
    }

    @Override
    public FetchResult proceed(SourceRequest request) throws FetchException, InterruptedException {
        return proceed(0, request);
    }

    private FetchResult proceed(int step, SourceRequest request) throws FetchException, InterruptedException {
        if (step == steps.size()) {
            return fetcher.fetch(request.sourceId(), request.url(), request.etag(), request.lastModified(),
                    request.access());
        }
        return steps.get(step).fetch(request, next -> proceed(step + 1, next));
    }
}
