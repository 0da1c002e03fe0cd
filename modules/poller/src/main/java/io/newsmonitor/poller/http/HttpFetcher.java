package io.newsmonitor.poller.http;

import io.newsmonitor.net.AddressGuard;
import io.newsmonitor.net.AddressPolicy;
import io.newsmonitor.net.AddressRefusedException;
import io.newsmonitor.net.HttpTimes;
import io.newsmonitor.net.PrivateAccess;
import io.newsmonitor.net.Resolver;
import io.newsmonitor.net.RetryAfterCap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches URLs politely and defensively with OkHttp: conditional GET, gzip/deflate, a cap on the body after
 * decompression (a gzip bomb or endless body is cut off), a deadline on each whole exchange (a server that stalls
 * after its headers is cut off), and redirects followed here, one hop at a time. Every request, the first one
 * included, goes through an {@link AddressGuard}: it may reach only the addresses {@link AddressPolicy} allows for
 * the given {@link PrivateAccess}, and it connects to the very addresses that were checked, through no proxy. Every
 * request carries the configured {@code User-Agent}. Thread-safe; share one instance.
 */
public final class HttpFetcher {

    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*(\\d+)");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            + "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

    private final HttpSettings settings;
    private final Resolver resolver;
    private final OkHttpClient base;
    /** One client per access, sharing connection pool and threads; their guards keep their connections apart. */
    private final Map<PrivateAccess, OkHttpClient> clients = new ConcurrentHashMap<>();

    /** A fetcher resolving host names with the system's resolver. */
    public HttpFetcher(HttpSettings settings) {
        this(settings, Resolver.SYSTEM);
    }

    /** A fetcher resolving host names with {@code resolver} (tests give fixed answers). */
    public HttpFetcher(HttpSettings settings, Resolver resolver) {
        this.settings = settings;
        this.resolver = resolver;
        this.base = new OkHttpClient.Builder()
                .addNetworkInterceptor(new RetryAfterCap())
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.totalTimeout())
                .writeTimeout(settings.totalTimeout())
                .callTimeout(settings.totalTimeout())
                .build();
    }

    /**
     * Fetches {@code url} for a source.
     *
     * @param sourceId     source id, for error context
     * @param url          address to fetch
     * @param etag         previous {@code ETag}, or {@code null}
     * @param lastModified previous {@code Last-Modified}, or {@code null}
     * @param access       the host, if any, that may be at a non-public address
     * @throws FetchException saying what went wrong, where, and whether to retry
     */
    public FetchResult fetch(String sourceId, URI url, String etag, String lastModified, PrivateAccess access)
            throws FetchException {
        OkHttpClient client = client(access);
        Set<URI> visited = new HashSet<>();
        URI current = url;
        for (int hop = 0; ; hop++) {
            if (!visited.add(current)) {
                throw FetchException.of(sourceId, current, FetchException.Kind.FATAL, "redirect loop", null);
            }
            Request.Builder request = request(sourceId, current).header("Accept", ACCEPT)
                    .header("Accept-Encoding", "gzip, deflate");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            Call call = client.newCall(request.get().build());
            try (Response response = execute(sourceId, current, access, call)) {
                int status = response.code();
                if (!REDIRECTS.contains(status)) {
                    return result(sourceId, current, access, call, response);
                }
                if (hop >= settings.maxRedirects()) {
                    throw new FetchException(sourceId, current, status, FetchException.Kind.FATAL, null,
                            "more than " + settings.maxRedirects() + " redirects", null);
                }
                current = redirectTarget(sourceId, current, response);
            }
        }
    }

    /**
     * Posts a form ({@code application/x-www-form-urlencoded}) for a source and returns the answer's status. Redirects
     * are not followed and the answer's body is not read.
     *
     * @param access the host, if any, that may be at a non-public address
     * @throws FetchException when no answer came, or the address was refused
     */
    public int postForm(String sourceId, URI url, Map<String, String> form, PrivateAccess access)
            throws FetchException {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        Call call = client(access).newCall(request(sourceId, url).post(body.build()).build());
        try (Response response = execute(sourceId, url, access, call)) {
            return response.code();
        }
    }

    private OkHttpClient client(PrivateAccess access) {
        return clients.computeIfAbsent(access, a -> new AddressGuard(resolver, a).guard(base));
    }

    private Request.Builder request(String sourceId, URI url) throws FetchException {
        String refusal = AddressPolicy.schemeRefusal(url);
        if (refusal != null) {
            throw FetchException.of(sourceId, url, FetchException.Kind.FATAL, refusal, null);
        }
        HttpUrl httpUrl = HttpUrl.parse(url.toString());
        if (httpUrl == null) {
            throw FetchException.of(sourceId, url, FetchException.Kind.FATAL, "unusable URL", null);
        }
        return new Request.Builder().url(httpUrl).header("User-Agent", settings.userAgent());
    }

    private URI redirectTarget(String sourceId, URI current, Response response) throws FetchException {
        String location = response.header("Location");
        if (location == null) {
            throw new FetchException(sourceId, current, response.code(), FetchException.Kind.FATAL, null,
                    "redirect without Location", null);
        }
        URI target;
        try {
            target = current.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw FetchException.of(sourceId, current, FetchException.Kind.FATAL,
                    "invalid redirect Location '" + location + "'", e);
        }
        String refusal = AddressPolicy.schemeRefusal(target);
        if (refusal != null) {
            throw FetchException.of(sourceId, current, FetchException.Kind.FATAL, "redirect to a " + refusal, null);
        }
        return target;
    }

    private Response execute(String sourceId, URI url, PrivateAccess access, Call call) throws FetchException {
        try {
            return call.execute();
        } catch (IOException e) {
            throw failure(sourceId, url, access, call, e);
        }
    }

    private FetchException failure(String sourceId, URI url, PrivateAccess access, Call call, IOException cause) {
        AddressRefusedException refused = AddressRefusedException.findIn(cause);
        if (refused != null) {
            return FetchException.of(sourceId, url, FetchException.Kind.REFUSED, "non-public address refused for "
                    + "source '" + sourceId + "' (" + access.grant() + "): " + refused.getMessage(), null);
        }
        if (Thread.currentThread().isInterrupted()
                || cause instanceof InterruptedIOException && "interrupted".equals(cause.getMessage())) {
            Thread.currentThread().interrupt();
            return FetchException.of(sourceId, url, FetchException.Kind.RETRIABLE, "interrupted", cause);
        }
        if (call.isCanceled()) {
            // Only the call timeout cancels calls.
            return FetchException.of(sourceId, url, FetchException.Kind.RETRIABLE,
                    "no complete answer within " + settings.totalTimeout().toSeconds() + " s", null);
        }
        String what = cause instanceof ConnectException ? "connection refused"
                : cause instanceof SocketTimeoutException && String.valueOf(cause.getMessage())
                        .toLowerCase(Locale.ROOT).contains("connect") ? "connect timeout"
                : cause instanceof SocketTimeoutException ? "timeout"
                : cause instanceof UnknownHostException ? "unknown host"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return FetchException.of(sourceId, url, FetchException.Kind.RETRIABLE, what, cause);
    }

    private FetchResult result(String sourceId, URI url, PrivateAccess access, Call call, Response response)
            throws FetchException {
        int status = response.code();
        if (status == 304) {
            return new FetchResult(url, true, new byte[0], null, response.header("ETag"),
                    response.header("Last-Modified"), freshFor(response));
        }
        if (status < 200 || status > 299) {
            boolean retriable = status == 429 || status == 408 || status >= 500;
            throw new FetchException(sourceId, url, status,
                    retriable ? FetchException.Kind.RETRIABLE : FetchException.Kind.FATAL,
                    retryAfter(response).orElse(null), "server answered " + status, null);
        }
        byte[] raw = read(sourceId, url, access, call, response.body());
        return new FetchResult(url, false, decode(sourceId, url, response, raw), response.header("Content-Type"),
                response.header("ETag"), response.header("Last-Modified"), freshFor(response));
    }

    /** The body as sent (still compressed), at most the cap. */
    private byte[] read(String sourceId, URI url, PrivateAccess access, Call call, ResponseBody body)
            throws FetchException {
        try (InputStream in = new BoundedInputStream(body.byteStream(), settings.maxBodyBytes())) {
            return in.readAllBytes();
        } catch (BoundedInputStream.TooLargeException e) {
            throw FetchException.of(sourceId, url, FetchException.Kind.FATAL, e.getMessage(), null);
        } catch (IOException e) {
            throw failure(sourceId, url, access, call, e);
        }
    }

    private byte[] decode(String sourceId, URI url, Response response, byte[] raw) throws FetchException {
        String encoding = response.header("Content-Encoding");
        if (encoding == null || encoding.equalsIgnoreCase("identity")) {
            return raw;
        }
        try (InputStream in = switch (encoding.trim().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(raw));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(raw));
            default -> throw FetchException.of(sourceId, url, FetchException.Kind.FATAL,
                    "unsupported Content-Encoding '" + encoding + "'", null);
        }) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new BoundedInputStream(in, settings.maxBodyBytes()).transferTo(out);
            return out.toByteArray();
        } catch (BoundedInputStream.TooLargeException e) {
            throw FetchException.of(sourceId, url, FetchException.Kind.FATAL,
                    "decompressed " + e.getMessage() + " (compression bomb?)", null);
        } catch (IOException e) {
            throw FetchException.of(sourceId, url, FetchException.Kind.RETRIABLE,
                    "corrupt " + encoding + " body: " + e.getMessage(), e);
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(Response response) {
        return HttpTimes.retryAfter(response.header("Retry-After"), Instant.now());
    }

    /** How long the answer stays fresh: {@code Cache-Control: max-age} first, else {@code Expires}. */
    static Duration freshFor(Response response) {
        String cacheControl = response.header("Cache-Control");
        if (cacheControl != null) {
            Matcher m = MAX_AGE.matcher(cacheControl.toLowerCase(Locale.ROOT));
            if (m.find()) {
                return Duration.ofSeconds(Long.parseLong(m.group(1)));
            }
        }
        return Optional.ofNullable(response.header("Expires")).flatMap(HttpTimes::date)
                .map(at -> Duration.between(Instant.now(), at)).filter(d -> !d.isNegative()).orElse(null);
    }
}
