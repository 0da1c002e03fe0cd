package io.newsmonitor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The monitoring endpoints: liveness follows the roles, readiness also needs the broker, metrics are scraped in
 * Prometheus' text format.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MonitoringServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MonitoringServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A role whose health the test sets. */
    private static final class StubRole implements RoleHandle {
        private final String name;
        private volatile Health health;

        StubRole(String name, Health health) {
            this.name = name;
            this.health = health;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Health health() {
            return health;
        }

        @Override
        public void close() {
        }
    }

    private MonitoringServer start(String bootstrapServers, PrometheusMeterRegistry registry) {
        server = MonitoringServer.start("127.0.0.1", 0, registry, new BrokerProbe(
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), Clock.systemUTC()));
        return server;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyWhenTheBrokerAnswersAndEveryRoleWorks(KafkaBroker broker) throws Exception {
        PrometheusMeterRegistry registry = Meters.prometheus();
        Counter.builder("newsmonitor.test.events").tag("source", "a").register(registry).increment(3);
        start(broker.bootstrapServers(), registry);
        StubRole sink = new StubRole("sink", Health.notReady("REBALANCING"));
        server.watch(new StubRole("processor", Health.ready("RUNNING")));
        server.watch(sink);

        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);

        sink.health = Health.ready("RUNNING");
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{\"status\":\"UP\",\"ready\":true,\"broker\":{\"live\":true,"
                        + "\"ready\":true,\"detail\":\"cluster ")
                .endsWith("\"roles\":{\"processor\":{\"live\":true,\"ready\":true,\"detail\":\"RUNNING\"},"
                        + "\"sink\":{\"live\":true,\"ready\":true,\"detail\":\"RUNNING\"}}}");

        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains("newsmonitor_test_events_total{source=\"a\"} 3.0")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void aRoleStoppedForGoodFailsLivenessAndReadiness(KafkaBroker broker) throws Exception {
        start(broker.bootstrapServers(), Meters.prometheus());
        server.watch(new StubRole("processor", Health.failed("ERROR")));

        assertThat(get("/health/live").statusCode()).isEqualTo(503);
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).startsWith("{\"status\":\"DOWN\",\"ready\":false,");
    }

    @Test
    void notReadyWhileTheBrokerDoesNotAnswer() throws Exception {
        start("127.0.0.1:" + freePort(), Meters.prometheus());
        server.watch(new StubRole("processor", Health.ready("RUNNING")));

        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/health").body()).contains("\"broker\":{\"live\":true,\"ready\":false,"
                + "\"detail\":\"unreachable: ");
    }

    @Test
    void aBusyPortIsRefusedNamingIt() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            assertThatThrownBy(() -> MonitoringServer.start("127.0.0.1", busy.getLocalPort(), Meters.prometheus(),
                    new BrokerProbe(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"),
                            Clock.systemUTC())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("monitoring port 127.0.0.1:" + busy.getLocalPort() + " cannot be used");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
