package io.newsmonitor.runtime;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring endpoints of a process, whatever roles it runs:
 * <ul>
 *   <li>{@code GET /metrics}: every meter in Prometheus' text format;</li>
 *   <li>{@code GET /health/live}: 200 while every role is alive, 503 once one stopped for good;</li>
 *   <li>{@code GET /health/ready}: 200 when the broker answers and every role works (Streams {@code RUNNING}, the
 *       poller in its group), else 503;</li>
 *   <li>{@code GET /health}: the details of both as JSON, with the liveness status code.</li>
 * </ul>
 */
public final class MonitoringServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final List<RoleHandle> roles = new CopyOnWriteArrayList<>();
    private final PrometheusMeterRegistry registry;
    private final BrokerProbe broker;
    private final Javalin http;

    private MonitoringServer(PrometheusMeterRegistry registry, BrokerProbe broker) {
        this.registry = registry;
        this.broker = broker;
        this.http = Javalin.create(config -> config.showJavalinBanner = false)
                .get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()))
                .get("/health", this::health)
                .get("/health/live", ctx -> answer(ctx, live(roleHealth()), "live"))
                .get("/health/ready", ctx -> answer(ctx, ready(roleHealth(), broker.check()), "ready"));
    }

    /**
     * Starts the endpoints.
     *
     * @param host the address to listen on ({@code 127.0.0.1} by default: metrics are not for the whole network)
     * @param port the port, or 0 for any free one (see {@link #port()})
     * @throws IllegalStateException when the port cannot be bound, naming it
     */
    public static MonitoringServer start(String host, int port, PrometheusMeterRegistry registry, BrokerProbe broker) {
        MonitoringServer server = new MonitoringServer(registry, broker);
        try {
            server.http.start(host, port);
        } catch (RuntimeException e) {
            broker.close();
            throw new IllegalStateException("monitoring port " + host + ":" + port + " cannot be used: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        LOG.info("Monitoring on http://{}:{} (/metrics, /health)", host, server.port());
        return server;
    }

    /** Reports this role's health from now on. */
    public void watch(RoleHandle role) {
        roles.add(role);
    }

    /** The port listened on. */
    public int port() {
        return http.port();
    }

    /** Each role's health, read once, so that one answer never mixes two states of a role. */
    private Map<String, Health> roleHealth() {
        Map<String, Health> byRole = new LinkedHashMap<>();
        roles.forEach(r -> byRole.put(r.name(), r.health()));
        return byRole;
    }

    private static boolean live(Map<String, Health> roles) {
        return roles.values().stream().allMatch(Health::live);
    }

    private static boolean ready(Map<String, Health> roles, Health broker) {
        return !roles.isEmpty() && broker.ready() && roles.values().stream().allMatch(Health::ready);
    }

    private void health(Context ctx) {
        Map<String, Health> byRole = roleHealth();
        Health brokerHealth = broker.check();
        boolean live = live(byRole);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", live ? "UP" : "DOWN");
        body.put("ready", ready(byRole, brokerHealth));
        body.put("broker", brokerHealth);
        body.put("roles", byRole);
        ctx.status(live ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    private static void answer(Context ctx, boolean ok, String what) {
        ctx.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).result(ok ? what : "not " + what);
    }

    @Override
    public void close() {
        http.stop();
        broker.close();
        registry.close();
    }
}
