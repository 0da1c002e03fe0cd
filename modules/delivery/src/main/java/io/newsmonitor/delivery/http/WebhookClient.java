package io.newsmonitor.delivery.http;

import io.newsmonitor.delivery.config.DeliveryConfig;
import io.newsmonitor.model.Webhook;
import io.newsmonitor.net.AddressGuard;
import io.newsmonitor.net.AddressRefusedException;
import io.newsmonitor.net.HttpTimes;
import io.newsmonitor.net.PrivateAccess;
import io.newsmonitor.net.Resolver;
import io.newsmonitor.net.RetryAfterCap;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends alerts to webhooks with OkHttp, asynchronously: one POST per call, its answer classified as an
 * {@link Outcome}. Every request goes through an {@link AddressGuard} for the webhook's {@link PrivateAccess}, so a
 * webhook reaches a loopback, private or link-local address only when it says {@code allowPrivateNetwork: true}, and
 * the addresses checked are the addresses connected to (no second lookup for DNS rebinding to answer). Redirects are
 * not followed. Thread-safe; share one instance, and close it to cancel what is in flight.
 *
 * <p>Headers: {@code Content-Type: application/json}, {@code Idempotency-Key} (the alert id, the same on every
 * retry), {@link Signature#TIMESTAMP_HEADER} and, when the webhook has a secret, {@link Signature#HEADER}, and the
 * configured {@code User-Agent}.
 */
public final class WebhookClient implements AutoCloseable {

    /** The header naming the alert, so that a receiver recognises a retried or replayed alert. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final MediaType JSON = MediaType.get("application/json");

    private final DeliveryConfig config;
    private final Resolver resolver;
    private final Clock clock;
    private final OkHttpClient base;
    /** One client per access, sharing connection pool and threads; their guards keep their connections apart. */
    private final Map<PrivateAccess, OkHttpClient> clients = new ConcurrentHashMap<>();

    /**
     * @param resolver how host names are resolved (tests give fixed answers)
     * @param clock    the time signed into each request
     */
    public WebhookClient(DeliveryConfig config, Resolver resolver, Clock clock) {
        this.config = config;
        this.resolver = resolver;
        this.clock = clock;
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(config.maxConcurrent());
        // Many subscriptions may share one service's host (a chat tool's webhooks): the overall cap is enough.
        dispatcher.setMaxRequestsPerHost(config.maxConcurrent());
        this.base = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .addNetworkInterceptor(new RetryAfterCap())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.timeout())
                .writeTimeout(config.timeout())
                .callTimeout(config.timeout())
                .build();
    }

    /**
     * Posts {@code body} to the webhook and hands the outcome to {@code done}, on an OkHttp thread.
     *
     * @param alertId the alert's id, sent as {@link #IDEMPOTENCY_KEY}
     * @param body    the alert's JSON
     */
    public void post(Webhook webhook, String alertId, byte[] body, Consumer<Outcome> done) {
        String address = displayAddress(webhook.url());
        HttpUrl url = HttpUrl.parse(webhook.url());
        if (url == null) {
            done.accept(Outcome.permanent("invalid_url", address + " is not a usable http(s) URL"));
            return;
        }
        PrivateAccess access = PrivateAccess.of(webhook.url(), webhook.privateNetworkAllowed());
        OkHttpClient client = clients.computeIfAbsent(access, a -> new AddressGuard(resolver, a).guard(base));
        Call call = client.newCall(request(webhook, url, alertId, body));
        call.enqueue(new Callback() {
            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    done.accept(Outcome.ofStatus(response.code(), address,
                            HttpTimes.retryAfter(response.header("Retry-After"), clock.instant()).orElse(null)));
                }
            }

            @Override
            public void onFailure(Call c, IOException e) {
                done.accept(failure(c, e, address, access));
            }
        });
    }

    private Request request(Webhook webhook, HttpUrl url, String alertId, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        Request.Builder request = new Request.Builder().url(url)
                .header("User-Agent", config.userAgent())
                .header(IDEMPOTENCY_KEY, alertId)
                .header(Signature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .post(RequestBody.create(body, JSON));
        if (!webhook.secret().isEmpty()) {
            request.header(Signature.HEADER, Signature.sign(webhook.secret(), timestamp, body));
        }
        return request.build();
    }

    private Outcome failure(Call call, IOException cause, String address, PrivateAccess access) {
        AddressRefusedException refused = AddressRefusedException.findIn(cause);
        if (refused != null) {
            return Outcome.permanent("address_refused", "non-public address refused for " + address + " ("
                    + access.grant() + "): " + refused.getMessage());
        }
        if (call.isCanceled() || cause instanceof InterruptedIOException) {
            // The call timeout cancels calls; closing the client does too, and then nobody reads the outcome.
            return Outcome.retry("timeout", address + " gave no complete answer within "
                    + config.timeout().toMillis() + " ms", null);
        }
        if (cause instanceof ConnectException) {
            return Outcome.retry("connection", address + ": connection refused", null);
        }
        if (cause instanceof UnknownHostException) {
            return Outcome.retry("unknown_host", address + ": unknown host", null);
        }
        return Outcome.retry("io", address + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), null);
    }

    /**
     * A webhook's address as logs, dead-letter headers and the delivery state show it: scheme, host, port and the
     * first path segment only. User info and query often carry credentials, and so do the later path segments of
     * chat webhooks ({@code hooks.slack.com/services/T…/B…/<secret>}); the first segment still tells endpoints apart.
     */
    public static String displayAddress(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            int cut = url.indexOf('?');
            return cut < 0 ? url : url.substring(0, cut);
        }
        String host = parsed.host().contains(":") ? "[" + parsed.host() + "]" : parsed.host();
        String port = parsed.port() == HttpUrl.defaultPort(parsed.scheme()) ? "" : ":" + parsed.port();
        List<String> segments = parsed.pathSegments();
        String path = "/" + segments.get(0) + (segments.size() > 1 ? "/…" : "");
        return parsed.scheme() + "://" + host + port + path;
    }

    /** Cancels the calls in flight and stops the client's threads. */
    @Override
    public void close() {
        base.dispatcher().cancelAll();
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }
}
