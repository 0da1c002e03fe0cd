package io.newsmonitor.model;

import java.util.Objects;

/**
 * Where a subscription's alerts are POSTed.
 *
 * @param url                 http or https address receiving the alert JSON
 * @param secret              key of the {@code HMAC-SHA256} signature of each body (may be empty: no signature)
 * @param allowPrivateNetwork whether the address may resolve to a loopback, private or link-local address; refused
 *                            otherwise, as for feeds, so that a subscription cannot make the sink probe its own network
 */
public record Webhook(String url, String secret, Boolean allowPrivateNetwork) {

    public Webhook {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new InvalidFieldException("webhook.url", "'" + url + "' must be an http or https address");
        }
        secret = secret == null ? "" : secret;
        allowPrivateNetwork = Boolean.TRUE.equals(allowPrivateNetwork);
    }

    /** Whether the address may be private ({@code false} when the field is absent). */
    public boolean privateNetworkAllowed() {
        return allowPrivateNetwork;
    }

    /** The webhook without its secret, for pages and logs. */
    @Override
    public String toString() {
        return "Webhook[url=" + url + ", secret=" + (secret.isEmpty() ? "none" : "***") + ", allowPrivateNetwork="
                + allowPrivateNetwork + "]";
    }
}
