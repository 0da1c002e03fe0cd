package io.newsmonitor.poller.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Per-host politeness: one request at a time per host, with a least gap between them. */
class HostGateTest {

    @Test
    void runsOneCallAtATimePerHostWithTheGapBetween() throws Exception {
        HostGate gate = new HostGate(Duration.ofMillis(300));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        long[] ends = new long[2];
        long[] starts = new long[2];
        CountDownLatch done = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            int n = i;
            new Thread(() -> {
                try {
                    gate.call("example.org", () -> {
                        starts[n] = System.nanoTime();
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.sleep(50);
                        inside.decrementAndGet();
                        ends[n] = System.nanoTime();
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();

        assertThat(mostInside.get()).isEqualTo(1);
        long gap = Math.max(starts[0], starts[1]) - Math.min(ends[0], ends[1]);
        assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void otherHostsDoNotWait() throws Exception {
        HostGate gate = new HostGate(Duration.ofSeconds(30));
        gate.call("a.example", () -> null);

        long start = System.nanoTime();
        gate.call("b.example", () -> null);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aPollClaimsItsHostUntilReleasedAndTheGapRunsFromTheRelease() {
        HostGate gate = new HostGate(Duration.ofSeconds(30));

        assertThat(gate.tryClaim("Example.org")).isTrue();
        assertThat(gate.tryClaim("example.org")).as("held by the first poll").isFalse();
        assertThat(gate.tryClaim("other.example")).as("other hosts are free").isTrue();
        gate.release("example.org");

        assertThat(gate.tryClaim("example.org")).as("within the gap after the release").isFalse();
    }

    @Test
    void aHostIsFreeForTheNextPollOnceReleasedWhenThereIsNoGap() {
        HostGate gate = new HostGate(Duration.ZERO);
        gate.tryClaim("example.org");
        gate.release("example.org");

        assertThat(gate.tryClaim("example.org")).isTrue();
    }

    @Test
    void aRequestMadeInAnyPollStartsTheGapForTheNextClaim() throws Exception {
        HostGate gate = new HostGate(Duration.ofSeconds(30));
        gate.call("example.org", () -> null);

        assertThat(gate.tryClaim("example.org")).as("an article fetched by another poll used the host").isFalse();
    }
}
