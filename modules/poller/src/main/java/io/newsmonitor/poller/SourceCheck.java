package io.newsmonitor.poller;

import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.poller.config.PollerConfig;
import io.newsmonitor.poller.parse.SelectorHits;
import io.newsmonitor.poller.runtime.PollOutcome;
import io.newsmonitor.poller.runtime.Schedule;
import io.newsmonitor.poller.runtime.SourcePoller;
import java.time.Clock;
import java.util.Random;

/**
 * Tries sources once, as a first poll of a poller instance would (robots.txt, politeness, fetch, parse,
 * normalisation, article pages for full text), without Kafka: what {@code newsmonitor feeds check} runs. Sources are
 * tried one after the other, with the same per-host politeness as a running poller.
 */
public final class SourceCheck {

    private final SourcePoller poller;

    private SourceCheck(SourcePoller poller) {
        this.poller = poller;
    }

    /** A check with the poller's own fetch chain, parsers and limits as {@code config} sets them. */
    public static SourceCheck create(PollerConfig config) {
        return new SourceCheck(SourcePoller.standard(config, new Schedule(new Random()), Clock.systemUTC()));
    }

    /** Fetches the source once, from a blank state (as if it had never been polled). */
    public CheckResult check(FeedSource source) throws InterruptedException {
        PollOutcome outcome = poller.poll(source, PollerState.initial(source.id()));
        PollerState state = outcome.state();
        return new CheckResult(state.status(), state.status() == PollerState.Status.FAILING ? state.lastError() : null,
                outcome.announcements(), selectors(outcome.selectorHits()));
    }

    private static CheckResult.Selectors selectors(SelectorHits hits) {
        return hits == null ? null : new CheckResult.Selectors(hits.items(), hits.links(), hits.titles(),
                hits.dates(), hits.datesRead(), hits.summaries());
    }
}
