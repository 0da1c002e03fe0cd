package io.newsmonitor.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmonitor.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a list request from every sink instance: this one's own items, and each peer's, asked for with
 * {@code scope=local} over HTTP, all at once and each within a timeout. The lists are merged into one: sorted, the
 * same item held twice (during a rebalance) kept once, limited. A peer that does not answer in time, or answers
 * with an error, makes the answer partial rather than failing it.
 */
final class FanOut {

    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);
    private static final ObjectMapper MAPPER = Json.mapper();

    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param connectTimeout how long to wait for a peer's connection
     * @param timeout        how long to wait for a peer's whole answer (the client's own timeout stops at the
     *                       headers: a peer that stalls in its body is cut off too)
     */
    FanOut(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    /**
     * How one kind of item is merged.
     *
     * @param type     the item type, to read peers' answers
     * @param order    the order of the merged list
     * @param identity what makes two items the same (the first in order is kept)
     * @param <T>      the item type
     */
    record Merge<T>(Class<T> type, Comparator<T> order, Function<T, Object> identity) {

        /** The lists merged into one: sorted, each identity once, at most {@code limit} items. */
        List<T> apply(List<List<T>> lists, int limit) {
            Set<Object> seen = new HashSet<>();
            return lists.stream().flatMap(List::stream).sorted(order)
                    .filter(item -> seen.add(identity.apply(item))).limit(limit).toList();
        }
    }

    /**
     * This instance's items merged with the peers'.
     *
     * @param local the items this instance holds
     * @param peers {@code host:port} of the other instances
     * @param path  the request's path, e.g. {@code /api/alerts}
     * @param query the request's query parameters; {@code scope} is replaced by {@code scope=local}
     * @param limit at most this many items
     */
    <T> Listing<T> gather(List<T> local, List<String> peers, String path, Map<String, List<String>> query,
                          Merge<T> merge, int limit) {
        if (peers.isEmpty()) {
            return Listing.of(merge.apply(List.of(local), limit));
        }
        String localQuery = localQuery(query);
        Map<String, CompletableFuture<List<T>>> answers = new LinkedHashMap<>();
        for (String peer : peers) {
            answers.put(peer, ask(peer, path + "?" + localQuery, merge.type()));
        }
        List<List<T>> lists = new ArrayList<>(List.of(local));
        List<String> unreachable = new ArrayList<>();
        answers.forEach((peer, answer) -> {
            try {
                lists.add(answer.join());
            } catch (RuntimeException e) {
                String reason = peer + ": " + reason(e);
                LOG.warn("Sink instance {} did not answer {}: the answer is partial", reason, path);
                unreachable.add(reason);
            }
        });
        return new Listing<>(merge.apply(lists, limit), unreachable);
    }

    /**
     * A peer's items, or a failure once {@code timeout} has passed. The request's own timeout stops at the headers, so
     * a peer that stalls or never ends its body would keep its exchange, and the bytes read so far, alive: the
     * exchange is cancelled when the answer fails.
     */
    private <T> CompletableFuture<List<T>> ask(String peer, String pathAndQuery, Class<T> type) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + peer + pathAndQuery)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<List<T>> answer = exchange.thenApply(response -> items(response, type))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        answer.whenComplete((items, failure) -> {
            if (failure != null) {
                exchange.cancel(true);
            }
        });
        return answer;
    }

    private static <T> List<T> items(HttpResponse<byte[]> response, Class<T> type) {
        if (response.statusCode() != 200) {
            throw new PeerException("HTTP " + response.statusCode());
        }
        try {
            JsonNode items = MAPPER.readTree(response.body()).path("items");
            if (!items.isArray()) {
                throw new PeerException("no items in its answer");
            }
            List<T> list = new ArrayList<>();
            for (JsonNode item : items) {
                list.add(MAPPER.treeToValue(item, type));
            }
            return list;
        } catch (IOException e) {
            throw new PeerException("unreadable answer: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    static String localQuery(Map<String, List<String>> query) {
        List<String> parts = new ArrayList<>();
        query.forEach((name, values) -> {
            if (!name.equals(Api.SCOPE)) {
                values.forEach(value -> parts.add(encode(name) + "=" + encode(value)));
            }
        });
        parts.add(Api.SCOPE + "=" + Api.LOCAL);
        return String.join("&", parts);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String reason(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof PeerException) {
            return cause.getMessage();
        }
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }

    /** A peer answered, but not with a listing. */
    private static final class PeerException extends RuntimeException {
        PeerException(String message) {
            super(message, null, false, false);
        }
    }
}
