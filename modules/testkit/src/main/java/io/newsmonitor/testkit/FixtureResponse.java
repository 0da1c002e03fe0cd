package io.newsmonitor.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of a {@link FixtureServer}: status, headers and body, and misbehaviour on demand (stalling after the
 * headers, an endless body) to test how clients cope with hostile servers. Immutable; the {@code with...} methods
 * return changed copies.
 *
 * @param status            HTTP status
 * @param headers           response headers
 * @param body              body bytes (ignored when {@code endless})
 * @param stallAfterHeaders how long to wait after sending the headers before sending the body
 * @param endless           whether to send an endless body
 */
public record FixtureResponse(int status, Map<String, String> headers, byte[] body, Duration stallAfterHeaders,
                              boolean endless) {

    public FixtureResponse {
        headers = Map.copyOf(headers);
    }

    /** A 200 answer with this body and content type. */
    public static FixtureResponse ok(String contentType, byte[] body) {
        return new FixtureResponse(200, Map.of("Content-Type", contentType), body, Duration.ZERO, false);
    }

    /** A 200 answer with this UTF-8 text body and content type. */
    public static FixtureResponse ok(String contentType, String body) {
        return ok(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** An answer with this status and an empty body. */
    public static FixtureResponse status(int status) {
        return new FixtureResponse(status, Map.of(), new byte[0], Duration.ZERO, false);
    }

    /** A redirect to {@code location}. */
    public static FixtureResponse redirect(int status, String location) {
        return status(status).withHeader("Location", location);
    }

    /** This answer with one more header. */
    public FixtureResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new FixtureResponse(status, more, body, stallAfterHeaders, endless);
    }

    /** This answer, waiting this long between headers and body. */
    public FixtureResponse withStallAfterHeaders(Duration stall) {
        return new FixtureResponse(status, headers, body, stall, endless);
    }

    /** This answer with a body that never ends. */
    public FixtureResponse withEndlessBody() {
        return new FixtureResponse(status, headers, body, stallAfterHeaders, true);
    }
}
