package io.newsmonitor.poller.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsmonitor.poller.http.FetchException;
import io.newsmonitor.poller.http.HttpFetcher;
import io.newsmonitor.net.PrivateAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSub subscriber (W3C Recommendation): subscribes to the hub a feed advertises, answers the hub's intent
 * verification, checks the HMAC signature of every pushed body against the secret it gave the hub, hands valid pushes
 * over, and renews each lease before it ends. Each subscription has its own secret and an unguessable callback path.
 * Requests to hubs go through the poller's {@link HttpFetcher}, with its {@code User-Agent} and the source's
 * {@link PrivateAccess}: the hub's address comes from the feed's content, so it may be private only on the source's
 * own host. Thread-safe.
 */
public final class WebSubSubscriber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebSubSubscriber.class);
    /** Renew when this share of the lease is left. */
    private static final double RENEW_AT = 0.2;
    private static final int MAX_PUSH_BYTES = 10 * 1024 * 1024;

    /** One subscription, pending verification or active. */
    private record Subscription(String sourceId, URI hub, String topic, String secret, String token,
                                Instant leaseUntil, long leaseSeconds, boolean verified, PrivateAccess access) {
        Subscription verified(Instant now, long granted) {
            return new Subscription(sourceId, hub, topic, secret, token, now.plusSeconds(granted), granted, true,
                    access);
        }
    }

    private final WebSubSettings settings;
    private final HttpFetcher fetcher;
    private final Consumer<Push> pushes;
    private final Clock clock;
    private final HttpServer server;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Subscription> byToken = new ConcurrentHashMap<>();
    private final Map<String, String> tokenBySource = new ConcurrentHashMap<>();

    /**
     * Starts the callback server.
     *
     * @param fetcher sends the requests to hubs
     * @param pushes  receives every valid push (called on the server's threads)
     */
    public WebSubSubscriber(WebSubSettings settings, HttpFetcher fetcher, Consumer<Push> pushes, Clock clock) {
        this.settings = settings;
        this.fetcher = fetcher;
        this.pushes = pushes;
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.listenHost(), settings.listenPort()), 50);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for WebSub callbacks on " + settings.listenHost() + ":"
                    + settings.listenPort() + ": " + e.getMessage(), e);
        }
        server.createContext("/", this::callback);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "websub-callback");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        LOG.info("WebSub callbacks on {}:{}, reached at {}", settings.listenHost(), port(), settings.callbackBase());
    }

    /** The port the callback server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Asks {@code hub} to push {@code topic} for this source, unless an active or pending subscription to that hub and
     * topic exists and is not due for renewal. Failures are logged; polling goes on regardless. A hub whose address
     * is refused leaves no subscription behind, so the next poll asks again.
     *
     * @param access the host, if any, that may be at a non-public address for this source
     */
    public void subscribe(String sourceId, URI hub, String topic, PrivateAccess access) {
        Subscription current = current(sourceId);
        if (current != null && current.hub().equals(hub) && current.topic().equals(topic) && !dueForRenewal(current)) {
            return;
        }
        Subscription s = new Subscription(sourceId, hub, topic, randomHex(32), randomHex(16), null, 0, false,
                access);
        // Registered before asking: the hub may verify the subscription before it answers.
        byToken.put(s.token(), s);
        String previous = tokenBySource.put(sourceId, s.token());
        boolean sent = request(s, "subscribe");
        if (previous != null && !previous.equals(s.token())) {
            byToken.remove(previous);
        }
        if (!sent) {
            byToken.remove(s.token());
            tokenBySource.remove(sourceId, s.token());
        }
    }

    /** Sends a request to the hub; {@code false} when nothing was sent because the hub's address is refused. */
    private boolean request(Subscription s, String mode) {
        Map<String, String> form = new HashMap<>();
        form.put("hub.mode", mode);
        form.put("hub.topic", s.topic());
        form.put("hub.callback", callbackUrl(s));
        form.put("hub.lease_seconds", Long.toString(settings.leaseSeconds()));
        form.put("hub.secret", s.secret());
        try {
            int status = fetcher.postForm(s.sourceId(), s.hub(), form, s.access());
            if (status / 100 != 2) {
                LOG.warn("Source {}: WebSub hub {} refused to {} (HTTP {})", s.sourceId(), s.hub(), mode, status);
            }
            return true;
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.RETRIABLE) {
                LOG.warn("Source {}: WebSub hub {} unreachable: {}", s.sourceId(), s.hub(), e.getMessage());
                return true;
            }
            LOG.warn("Source {}: WebSub hub not asked: {}", s.sourceId(), e.getMessage());
            return false;
        }
    }

    /** Whether a lease is nearly over (cheap: no I/O). */
    public boolean renewalDue() {
        return byToken.values().stream().anyMatch(s -> s.verified() && dueForRenewal(s)
                && s.token().equals(tokenBySource.get(s.sourceId())));
    }

    /** Renews the subscriptions whose lease is nearly over. */
    public void renewDue() {
        for (Subscription s : List.copyOf(byToken.values())) {
            if (s.verified() && dueForRenewal(s) && s.token().equals(tokenBySource.get(s.sourceId()))) {
                LOG.info("Source {}: renewing WebSub lease at {}", s.sourceId(), s.hub());
                subscribe(s.sourceId(), s.hub(), s.topic(), s.access());
            }
        }
    }

    /** Whether the hub verified a subscription for this source that has not expired: pushes are expected. */
    public boolean isActive(String sourceId) {
        Subscription s = current(sourceId);
        return s != null && s.verified() && s.leaseUntil().isAfter(clock.instant());
    }

    /** Forgets a source's subscription (the instance no longer owns the source), telling the hub. */
    public void unsubscribe(String sourceId) {
        String token = tokenBySource.remove(sourceId);
        Subscription s = token == null ? null : byToken.get(token);
        if (s != null) {
            request(s, "unsubscribe");
        }
    }

    private Subscription current(String sourceId) {
        String token = tokenBySource.get(sourceId);
        return token == null ? null : byToken.get(token);
    }

    private boolean dueForRenewal(Subscription s) {
        if (!s.verified()) {
            return false;
        }
        long left = Duration.between(clock.instant(), s.leaseUntil()).toSeconds();
        return left < s.leaseSeconds() * RENEW_AT;
    }

    private String callbackUrl(Subscription s) {
        String base = settings.callbackBase().toString();
        return (base.endsWith("/") ? base : base + "/") + s.token();
    }

    private void callback(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Subscription s = byToken.get(path.substring(path.lastIndexOf('/') + 1));
            if (s == null) {
                respond(exchange, 404, "");
                return;
            }
            if (exchange.getRequestMethod().equals("GET")) {
                verify(exchange, s);
            } else if (exchange.getRequestMethod().equals("POST")) {
                content(exchange, s);
            } else {
                respond(exchange, 405, "");
            }
        }
    }

    /** The hub checks that we asked: echo its challenge when mode and topic are those of our request. */
    private void verify(HttpExchange exchange, Subscription s) throws IOException {
        Map<String, String> query = decode(exchange.getRequestURI().getRawQuery());
        String mode = query.get("hub.mode");
        String challenge = query.get("hub.challenge");
        if ("denied".equals(mode)) {
            LOG.warn("Source {}: WebSub hub {} denied the subscription ({})", s.sourceId(), s.hub(),
                    query.getOrDefault("hub.reason", "no reason given"));
            respond(exchange, 200, "");
            return;
        }
        boolean ours = s.topic().equals(query.get("hub.topic")) && challenge != null
                && ("subscribe".equals(mode) && s.token().equals(tokenBySource.get(s.sourceId()))
                || "unsubscribe".equals(mode));
        if (!ours) {
            respond(exchange, 404, "");
            return;
        }
        if ("subscribe".equals(mode)) {
            long lease = parseLong(query.get("hub.lease_seconds"), settings.leaseSeconds());
            byToken.put(s.token(), s.verified(clock.instant(), lease));
            LOG.info("Source {}: WebSub subscription verified by {} for {} s", s.sourceId(), s.hub(), lease);
        } else {
            byToken.remove(s.token());
        }
        respond(exchange, 200, challenge);
    }

    /** A push: accepted with 2xx in any case, as the spec asks, but handed over only when the signature is right. */
    private void content(HttpExchange exchange, Subscription s) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_PUSH_BYTES + 1);
        String signature = exchange.getRequestHeaders().getFirst("X-Hub-Signature");
        respond(exchange, 202, "");
        if (body.length > MAX_PUSH_BYTES) {
            LOG.warn("Source {}: WebSub push larger than {} bytes ignored", s.sourceId(), MAX_PUSH_BYTES);
        } else if (!validSignature(signature, body, s.secret())) {
            LOG.warn("Source {}: WebSub push with {} signature ignored", s.sourceId(),
                    signature == null ? "no" : "a wrong");
        } else if (s.token().equals(tokenBySource.get(s.sourceId()))) {
            pushes.accept(new Push(s.sourceId(), body, exchange.getRequestHeaders().getFirst("Content-Type")));
        }
    }

    /** {@code X-Hub-Signature: method=hex}, method one of sha1, sha256, sha384, sha512; compared in constant time. */
    static boolean validSignature(String header, byte[] body, String secret) {
        if (header == null || !header.contains("=")) {
            return false;
        }
        String method = header.substring(0, header.indexOf('=')).toLowerCase(Locale.ROOT);
        String algorithm = switch (method) {
            case "sha1" -> "HmacSHA1";
            case "sha256" -> "HmacSHA256";
            case "sha384" -> "HmacSHA384";
            case "sha512" -> "HmacSHA512";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            byte[] expected = mac.doFinal(body);
            byte[] given = HexFormat.of().parseHex(header.substring(header.indexOf('=') + 1).trim());
            return MessageDigest.isEqual(expected, given);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static long parseLong(String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Decodes a query string or form body. */
    public static Map<String, String> decode(String query) {
        Map<String, String> values = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
