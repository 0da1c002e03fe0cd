package io.newsmonitor.poller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.model.SourceType;
import io.newsmonitor.poller.http.HostGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which polls run when: one poll per source and per host at a time, and every poll comes back. */
class DispatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final List<String> polled = new CopyOnWriteArrayList<>();
    private final CountDownLatch hold = new CountDownLatch(1);
    private final Map<String, FeedSource> sources = Map.of(
            "a", source("a", "https://example.org/a"),
            "b", source("b", "https://EXAMPLE.org/b"),
            "c", source("c", "https://other.example/c"),
            "held", source("held", "https://held.example/feed"),
            "broken", source("broken", "https://broken.example/feed"));

    private final Dispatcher dispatcher = new Dispatcher((source, state) -> {
        polled.add(source.id());
        if (source.id().equals("held")) {
            hold.await();
        }
        if (source.id().equals("broken")) {
            throw new IllegalStateException("bug");
        }
        return new PollOutcome(List.of(), state, null, null);
    }, new HostGate(Duration.ZERO), workers, new PollerMetrics(new SimpleMeterRegistry()), Clock.systemUTC());

    @AfterEach
    void stop() {
        hold.countDown();
        workers.shutdownNow();
    }

    private static FeedSource source(String id, String url) {
        return new FeedSource(id, id, url, SourceType.RSS, Duration.ofMinutes(5), Duration.ofMinutes(1),
                Duration.ofHours(1), false, "en", List.of(), true, false, false, null);
    }

    private void dispatch() {
        dispatcher.dispatchDue(sources::get, PollerState::initial);
    }

    private List<PollOutcome> drained(int count) {
        List<PollOutcome> outcomes = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            outcomes.addAll(dispatcher.drain(10));
            return outcomes.size() >= count;
        });
        return outcomes;
    }

    @Test
    void aHostIsPolledByOneSourceAtATimeAndIsFreeAgainOnceTheOutcomeIsDrained() {
        Instant due = Instant.now().minusSeconds(1);
        List.of("a", "b", "c").forEach(id -> dispatcher.schedule(id, due));

        dispatch();
        drained(2);

        assertThat(polled).as("one of example.org's sources, and other.example's").hasSize(2).contains("c");
        String first = polled.get(0).equals("c") ? polled.get(1) : polled.get(0);
        List.of(first, "c").forEach(id -> dispatcher.schedule(id, Instant.now().plus(Duration.ofHours(1))));
        dispatch();
        drained(1);
        assertThat(polled).as("the other source of example.org once its host was released").hasSize(3)
                .containsOnlyOnce(first).contains("a", "b");
    }

    @Test
    void nothingRunsNowForASourceWhosePollIsInFlight() {
        dispatcher.schedule("held", Instant.now().minusSeconds(1));
        dispatch();
        await().atMost(WAIT).until(() -> polled.contains("held"));

        boolean ran = dispatcher.runNow("held", () -> new PollOutcome(List.of(), PollerState.initial("held"), null,
                null));

        assertThat(ran).as("a push waits for the poll in flight").isFalse();
        hold.countDown();
        drained(1);
        assertThat(dispatcher.runNow("held", () -> new PollOutcome(List.of(), PollerState.initial("held"), null,
                null))).isTrue();
        assertThat(dispatcher.drain(10)).hasSize(1);
    }

    @Test
    void aPollThatThrowsComesBackAsARetryAtTheSourcesMaximum() {
        dispatcher.schedule("broken", Instant.now().minusSeconds(1));

        dispatch();
        PollOutcome outcome = drained(1).get(0);

        assertThat(outcome.announcements()).isEmpty();
        assertThat(outcome.state().nextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
    }
}
