package io.newsmonitor.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * What every answer carries and what every change must show.
 * <ul>
 *   <li>Every answer: a strict Content-Security-Policy (scripts, styles and connections from this server only, no
 *       inline script, no framing), {@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer},
 *       so that a text from a source that slipped into a page as markup still could not run.</li>
 *   <li>A change ({@code PUT}, {@code DELETE}, {@code POST}): the bearer token when one is configured (it must be
 *       when the server listens beyond loopback); a JSON body; and, when the browser names the page it comes from,
 *       a page of this server (another site's page cannot make a user's browser change subscriptions).</li>
 * </ul>
 */
final class Guard {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final Set<HandlerType> CHANGES = Set.of(HandlerType.PUT, HandlerType.DELETE, HandlerType.POST);
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    /** @param token the token changes need, or {@code null} for none */
    Guard(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Sets the security headers of every answer. */
    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }

    /** Refuses a change that lacks the token, comes from another site's page, or has no JSON body. */
    void checkChange(Context ctx) {
        if (!CHANGES.contains(ctx.method())) {
            return;
        }
        checkToken(ctx.header("Authorization"));
        checkOrigin(ctx.header("Origin"), ctx.host());
        if (ctx.method() != HandlerType.DELETE && !isJson(ctx.contentType())) {
            throw RequestRefused.unsupportedMediaType("a change needs a JSON body (Content-Type: application/json)");
        }
    }

    void checkToken(String authorization) {
        if (token == null) {
            return;
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            throw RequestRefused.unauthorized("changes need the header Authorization: Bearer <sink.http.token>");
        }
        byte[] given = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            throw RequestRefused.unauthorized("the bearer token is not sink.http.token");
        }
    }

    static void checkOrigin(String origin, String host) {
        if (origin == null) {
            return;
        }
        String originHost;
        try {
            URI uri = URI.create(origin);
            originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            originHost = null;
        }
        if (originHost == null || !originHost.equalsIgnoreCase(host)) {
            throw RequestRefused.forbidden("Origin", "a change must come from this server's own pages, not from "
                    + origin);
        }
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }
}
