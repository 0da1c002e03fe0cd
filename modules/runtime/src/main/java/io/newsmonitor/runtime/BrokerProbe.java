package io.newsmonitor.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the Kafka cluster answers, for readiness: a {@code describeCluster} call bounded by a timeout, its answer
 * kept a few seconds so that a scraper polling {@code /health} often does not load the broker.
 */
public final class BrokerProbe implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration KEEP = Duration.ofSeconds(5);

    private final Admin admin;
    private final Clock clock;
    private Health last;
    private Instant checkedAt = Instant.EPOCH;

    /** @param clientProperties the properties every Kafka client of the process uses (servers, TLS, SASL) */
    public BrokerProbe(Map<String, Object> clientProperties, Clock clock) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsmonitor-health");
        this.admin = Admin.create(props);
        this.clock = clock;
    }

    /** The broker's health: ready when the cluster answered within the timeout. */
    public synchronized Health check() {
        Instant now = clock.instant();
        if (last == null || !checkedAt.plus(KEEP).isAfter(now)) {
            last = ask();
            checkedAt = now;
        }
        return last;
    }

    private Health ask() {
        try {
            String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .clusterId().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            return Health.ready("cluster " + clusterId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.notReady("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return Health.notReady("unreachable: " + (e.getCause() != null ? e.getCause() : e));
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
