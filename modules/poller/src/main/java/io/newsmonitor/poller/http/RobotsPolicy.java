package io.newsmonitor.poller.http;

import io.newsmonitor.net.PrivateAccess;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks each host's {@code robots.txt} before fetching from it, and remembers the answer for a day (RFC 9309's
 * ceiling). A missing file (4xx) allows everything; an unreachable one or a 5xx answer forbids everything until it
 * is asked again, as the RFC says. {@code robots.txt} is fetched through the chain it is given (politeness, then the
 * fetch), with the source's {@link PrivateAccess}: an address the source may not reach forbids the fetch and is not
 * remembered, since it says nothing about the site (another source may be allowed there). As a {@link FetchStep},
 * it refuses the requests robots.txt forbids ({@link FetchException#notSent}).
 */
public final class RobotsPolicy implements FetchStep {

    private static final Duration REMEMBER = Duration.ofHours(24);
    private static final Duration REMEMBER_FAILURE = Duration.ofMinutes(30);

    private record Entry(RobotsRules rules, Instant until, String unavailable) {
    }

    private final FetchStep.Chain robotsFetch;
    private final String productToken;
    private final Clock clock;
    private final Map<String, Entry> byOrigin = new ConcurrentHashMap<>();

    /**
     * @param robotsFetch  how robots.txt files are fetched
     * @param productToken the name robots.txt groups address this client by ({@code newsmonitor})
     */
    public RobotsPolicy(FetchStep.Chain robotsFetch, String productToken, Clock clock) {
        this.robotsFetch = robotsFetch;
        this.productToken = productToken;
        this.clock = clock;
    }

    /** Passes the request on when the site's robots.txt allows it. */
    @Override
    public FetchResult fetch(SourceRequest request, Chain next) throws FetchException, InterruptedException {
        String refusal = refusal(request.sourceId(), request.url(), request.access());
        if (refusal != null) {
            throw FetchException.notSent(request.sourceId(), request.url(), refusal);
        }
        return next.proceed(request);
    }

    /** Whether {@code url} may be fetched for this source. */
    public boolean allows(String sourceId, URI url, PrivateAccess access) throws InterruptedException {
        return refusal(sourceId, url, access) == null;
    }

    /**
     * Why {@code url} may not be fetched ("disallowed by robots.txt", why robots.txt could not be read, or that its
     * address is refused for this source), or {@code null} when it may.
     *
     * @param access the host, if any, that may be at a non-public address for this source
     */
    public String refusal(String sourceId, URI url, PrivateAccess access) throws InterruptedException {
        String origin = url.getScheme() + "://" + url.getRawAuthority();
        Entry entry = byOrigin.get(origin);
        if (entry == null || clock.instant().isAfter(entry.until())) {
            URI robots = URI.create(origin + "/robots.txt");
            try {
                entry = rules(sourceId, robots, access);
            } catch (FetchException e) {
                return e.getMessage();
            }
            byOrigin.put(origin, entry);
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (entry.rules().allows(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())) {
            return null;
        }
        return entry.unavailable() != null ? "robots.txt unavailable (" + entry.unavailable() + "), not fetching"
                : "disallowed by the site's robots.txt: " + url;
    }

    /** The rules to remember for a site; throws only when the address is refused for this source. */
    private Entry rules(String sourceId, URI robots, PrivateAccess access)
            throws InterruptedException, FetchException {
        Instant now = clock.instant();
        try {
            FetchResult result = robotsFetch.proceed(new SourceRequest(sourceId, robots, null, null, access));
            return new Entry(RobotsRules.parse(new String(result.body(), StandardCharsets.UTF_8), productToken),
                    now.plus(REMEMBER), null);
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.REFUSED) {
                throw e;
            }
            if (e.status() >= 400 && e.status() < 500) {
                return new Entry(RobotsRules.ALLOW_ALL, now.plus(REMEMBER), null);
            }
            return new Entry(RobotsRules.DISALLOW_ALL, now.plus(REMEMBER_FAILURE), e.getMessage());
        }
    }
}
