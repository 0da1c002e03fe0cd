package io.newsmonitor.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.json.Json;
import io.newsmonitor.runtime.Health;
import io.newsmonitor.runtime.RoleHandle;
import io.newsmonitor.sink.NotReadyException;
import io.newsmonitor.sink.SinkQueries;
import io.newsmonitor.web.config.WebConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's HTTP server, as a process starts it next to a sink instance: the dashboard, the JSON API over the sink's
 * state stores ({@code docs/api.md}), subscription changes, Atom feeds and live events ({@code GET /events}).
 */
public final class WebServer implements RoleHandle {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String DASHBOARD = "/io/newsmonitor/web/dashboard";
    /** Events a live-event client may be behind before it is dropped. */
    private static final int CLIENT_BUFFER = 1_000;
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration PEER_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POSITION_TIMEOUT = Duration.ofSeconds(30);

    private final Javalin http;
    private final LiveEvents events;
    private final LiveTopics live;
    private final SubscriptionWriter writer;

    private WebServer(Javalin http, LiveEvents events, LiveTopics live, SubscriptionWriter writer) {
        this.http = http;
        this.events = events;
        this.live = live;
        this.writer = writer;
    }

    /**
     * Starts the server.
     *
     * @param config    where to listen and the token changes need
     * @param kafka     the cluster and topics (subscriptions written, alerts, announcements and delivery state read)
     * @param queries   the sink instance's state stores
     * @param validator checks a subscription before it is saved or previewed
     * @param preview   runs a subscription over recent announcements
     * @param registry  where the server's meters go
     * @throws IllegalStateException when the address cannot be listened on, naming it
     */
    public static WebServer start(WebConfig config, KafkaConfig kafka, SinkQueries queries,
                                  SubscriptionValidator validator, SubscriptionPreview preview,
                                  MeterRegistry registry) {
        return start(config, kafka, queries, validator, preview, registry, HEARTBEAT);
    }

    static WebServer start(WebConfig config, KafkaConfig kafka, SinkQueries queries, SubscriptionValidator validator,
                           SubscriptionPreview preview, MeterRegistry registry, Duration heartbeat) {
        Map<String, Object> common = kafka.commonProperties();
        SubscriptionWriter writer = new SubscriptionWriter(common, kafka.topics().subscriptions(), WRITE_TIMEOUT);
        LiveEvents events = new LiveEvents(CLIENT_BUFFER, heartbeat, registry);
        LiveTopics live = new LiveTopics(common, kafka.topics(), events);
        Api api = new Api(queries, new FanOut(PEER_CONNECT_TIMEOUT, PEER_TIMEOUT), writer, validator, preview, live,
                Clock.systemUTC());
        WebServer server = new WebServer(http(api, events, new Guard(config.token(), config.loopback())), events, live, writer);
        try {
            live.start(POSITION_TIMEOUT);
            server.http.start(config.host(), config.port());
        } catch (RuntimeException e) {
            server.close();
            throw new IllegalStateException("the dashboard and API cannot listen on " + config.host() + ":"
                    + config.port() + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        LOG.info("Dashboard and API on http://{}:{}/ (changes {})", config.host(), server.port(),
                config.tokenRequired() ? "need the bearer token" : "open: loopback only");
        return server;
    }

    private static Javalin http(Api api, LiveEvents events, Guard guard) {
        Javalin http = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.mapper(), false));
            c.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = DASHBOARD;
                files.location = Location.CLASSPATH;
            });
            c.staticFiles.enableWebjars();
        });
        http.before(Guard::headers);
        http.before(guard::checkHost);
        http.before("/api/*", guard::checkApi);
        api.routes(http);
        http.before("/events", events::checkRoom);
        http.sse("/events", events::serve);
        http.exception(RequestRefused.class, WebServer::refused);
        http.exception(UnavailableException.class, (e, ctx) -> unavailable(e, ctx));
        http.exception(NotReadyException.class, (e, ctx) -> unavailable(e, ctx));
        return http;
    }

    /** 503: worth retrying (the broker, stores that are restoring or rebalancing). */
    private static void unavailable(RuntimeException e, Context ctx) {
        LOG.warn("{} {} not answered: {}", ctx.method(), ctx.path(), e.getMessage());
        ctx.status(503).header("Retry-After", "5").json(Map.of("error", e.getMessage()));
    }

    private static void refused(RequestRefused e, Context ctx) {
        if (e.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("parameter", e.parameter());
        if (!e.problems().isEmpty()) {
            body.put("problems", e.problems());
        }
        ctx.status(e.status()).json(body);
    }

    /** The port listened on. */
    public int port() {
        return http.port();
    }

    @Override
    public String name() {
        return "web";
    }

    @Override
    public Health health() {
        return live.health();
    }

    /** Stops serving: the live-event clients first, then the server, the topic consumer and the producer. */
    @Override
    public void close() {
        events.close();
        http.stop();
        live.close();
        writer.close();
    }
}
