package io.newsmonitor.poller.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches one URL politely and defensively with the JDK {@link HttpClient}: conditional GET, gzip/deflate, a cap on
 * the body after decompression (a gzip bomb or endless body is cut off), a deadline on the whole exchange (a server
 * that stalls after its headers is cut off), and redirects followed here, not by the client, so that every hop's
 * address is checked against {@link AddressPolicy}. Thread-safe; share one instance.
 */
public final class HttpFetcher {

    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*(\\d+)");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpSettings settings;
    private final HttpClient client;

    public HttpFetcher(HttpSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    /**
     * Fetches {@code url} for a source.
     *
     * @param sourceId            source id, for error context
     * @param url                 address to fetch
     * @param etag                previous {@code ETag}, or {@code null}
     * @param lastModified        previous {@code Last-Modified}, or {@code null}
     * @param allowPrivateNetwork whether redirects may lead to private addresses
     * @throws FetchException saying what went wrong, where, and whether to retry
     */
    public FetchResult fetch(String sourceId, URI url, String etag, String lastModified, boolean allowPrivateNetwork)
            throws FetchException {
        boolean trusted = allowPrivateNetwork || AddressPolicy.configuredAtPrivateAddress(url);
        Set<URI> visited = new HashSet<>();
        URI current = url;
        for (int hop = 0; ; hop++) {
            if (!visited.add(current)) {
                throw FetchException.of(sourceId, current, FetchException.Kind.FATAL, "redirect loop", null);
            }
            HttpResponse<byte[]> response = exchange(sourceId, current, etag, lastModified);
            int status = response.statusCode();
            if (!REDIRECTS.contains(status)) {
                return result(sourceId, current, response);
            }
            if (hop >= settings.maxRedirects()) {
                throw new FetchException(sourceId, current, status, FetchException.Kind.FATAL, null,
                        "more than " + settings.maxRedirects() + " redirects", null);
            }
            current = redirectTarget(sourceId, current, response, trusted);
        }
    }

    private URI redirectTarget(String sourceId, URI current, HttpResponse<byte[]> response, boolean trusted)
            throws FetchException {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new FetchException(sourceId,
                current, response.statusCode(), FetchException.Kind.FATAL, null, "redirect without Location", null));
        URI target;
        try {
            target = current.resolve(location.trim());
            String refusal = AddressPolicy.refusal(target, trusted);
            if (refusal != null) {
                throw FetchException.of(sourceId, current, FetchException.Kind.FATAL, refusal, null);
            }
            return target;
        } catch (IllegalArgumentException e) {
            throw FetchException.of(sourceId, current, FetchException.Kind.FATAL,
                    "invalid redirect Location '" + location + "'", e);
        } catch (UnknownHostException e) {
            throw FetchException.of(sourceId, current, FetchException.Kind.RETRIABLE,
                    "unknown host in redirect to " + location, e);
        }
    }

    private HttpResponse<byte[]> exchange(String sourceId, URI url, String etag, String lastModified)
            throws FetchException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(url)
                    .timeout(settings.totalTimeout())
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                            + "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
                    .header("Accept-Encoding", "gzip, deflate")
                    .GET();
        } catch (IllegalArgumentException e) {
            throw FetchException.of(sourceId, url, FetchException.Kind.FATAL, "unusable URL", e);
        }
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        CappedBodySubscriber[] body = new CappedBodySubscriber[1];
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(), info -> {
            body[0] = new CappedBodySubscriber(settings.maxBodyBytes());
            return body[0];
        });
        try {
            return future.get(settings.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            if (body[0] != null) {
                body[0].cancel();
            }
            throw FetchException.of(sourceId, url, FetchException.Kind.RETRIABLE,
                    "no complete answer within " + settings.totalTimeout().toSeconds() + " s", null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw FetchException.of(sourceId, url, FetchException.Kind.RETRIABLE, "interrupted", e);
        } catch (ExecutionException e) {
            throw failure(sourceId, url, e.getCause());
        }
    }

    private FetchException failure(String sourceId, URI url, Throwable cause) {
        if (cause instanceof BoundedInputStream.TooLargeException) {
            return FetchException.of(sourceId, url, FetchException.Kind.FATAL, cause.getMessage(), null);
        }
        String what = cause instanceof java.net.ConnectException ? "connection refused"
                : cause instanceof java.net.http.HttpConnectTimeoutException ? "connect timeout"
                : cause instanceof java.net.http.HttpTimeoutException ? "timeout"
                : cause instanceof UnknownHostException ? "unknown host"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return FetchException.of(sourceId, url, FetchException.Kind.RETRIABLE, what, cause);
    }

    private FetchResult result(String sourceId, URI url, HttpResponse<byte[]> response) throws FetchException {
        int status = response.statusCode();
        if (status == 304) {
            return new FetchResult(url, true, new byte[0], null, header(response, "ETag"),
                    header(response, "Last-Modified"), freshFor(response));
        }
        if (status < 200 || status > 299) {
            boolean retriable = status == 429 || status == 408 || status >= 500;
            throw new FetchException(sourceId, url, status,
                    retriable ? FetchException.Kind.RETRIABLE : FetchException.Kind.FATAL,
                    retryAfter(response).orElse(null), "server answered " + status, null);
        }
        return new FetchResult(url, false, decode(sourceId, url, response), header(response, "Content-Type"),
                header(response, "ETag"), header(response, "Last-Modified"), freshFor(response));
    }

    private byte[] decode(String sourceId, URI url, HttpResponse<byte[]> response) throws FetchException {
        String encoding = header(response, "Content-Encoding");
        byte[] raw = response.body();
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

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            String v = value.trim();
            if (v.matches("\\d+")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            }
            return httpDate(v).map(at -> Duration.between(Instant.now(), at)).filter(d -> !d.isNegative());
        });
    }

    /** How long the answer stays fresh: {@code Cache-Control: max-age} first, else {@code Expires}. */
    static Duration freshFor(HttpResponse<?> response) {
        Optional<String> cacheControl = response.headers().firstValue("Cache-Control");
        if (cacheControl.isPresent()) {
            Matcher m = MAX_AGE.matcher(cacheControl.get().toLowerCase(Locale.ROOT));
            if (m.find()) {
                return Duration.ofSeconds(Long.parseLong(m.group(1)));
            }
        }
        return response.headers().firstValue("Expires").flatMap(HttpFetcher::httpDate)
                .map(at -> Duration.between(Instant.now(), at)).filter(d -> !d.isNegative()).orElse(null);
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
