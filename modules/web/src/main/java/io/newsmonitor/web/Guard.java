package io.newsmonitor.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern LOOPBACK_HOST = Pattern.compile(
            "(?i)(localhost|127(\\.\\d{1,3}){3}|\\[::1])(:\\d{1,5})?");

    private final byte[] token;
    private final boolean loopbackOnly;

    /**
     * @param token        the token changes need, or {@code null} for none
     * @param loopbackOnly whether the server listens on a loopback address only
     */
    Guard(String token, boolean loopbackOnly) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.loopbackOnly = loopbackOnly;
    }

    /**
     * On a server that listens on loopback only, refuses a request that does not name a loopback host. A page of
     * another site whose name was made to resolve to 127.0.0.1 (DNS rebinding) sends its own name as the Host: its
     * Origin matches that Host, so without this check it could read the API and change subscriptions.
     */
    void checkHost(Context ctx) {
        if (loopbackOnly && !isLoopbackHost(ctx.host())) {
            throw RequestRefused.forbidden("Host", "this server listens on loopback only: ask it as localhost, "
                    + "127.0.0.1 or [::1], not as " + ctx.host());
        }
    }

    /** Whether a Host header names a loopback address or {@code localhost}, with or without a port. */
    static boolean isLoopbackHost(String host) {
        return host != null && LOOPBACK_HOST.matcher(host).matches();
    }

    /** Sets the security headers of every answer. */
    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }

    /**
     * Refuses a change that lacks the token, comes from another site's page, or has no JSON body; and a read of the
     * subscriptions or the delivery state that lacks the token, since they name the webhooks' addresses.
     */
    void checkApi(Context ctx) {
        if (!CHANGES.contains(ctx.method())) {
            if (ctx.path().startsWith("/api/subscriptions") || ctx.path().startsWith("/api/delivery")) {
                checkToken(ctx.header("Authorization"));
            }
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
            throw RequestRefused.unauthorized("changes, subscriptions and delivery state need the header "
                    + "Authorization: Bearer <sink.http.token>");
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
