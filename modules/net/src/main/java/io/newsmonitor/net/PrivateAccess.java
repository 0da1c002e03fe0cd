package io.newsmonitor.net;

import java.net.URI;
import okhttp3.HttpUrl;

/**
 * The one host, if any, that requests made for a configured address (a feed source, a webhook) may find at a
 * non-public address: the host of that configured {@code url} when it is configured with
 * {@code allowPrivateNetwork: true}, none otherwise. Hosts are
 * compared as OkHttp canonicalises them (lower case, IDNA ASCII, IPv6 in its shortest form); scheme and port do not
 * matter. See {@link AddressPolicy} for the whole rule.
 *
 * @param host the canonical host that may be private, or {@code null} for none
 */
public record PrivateAccess(String host) {

    /** No host may be private: what every source and webhook gets unless it is configured otherwise. */
    public static final PrivateAccess NONE = new PrivateAccess(null);

    /** @throws IllegalArgumentException when {@code host} is not a host name or IP address */
    public PrivateAccess {
        if (host != null) {
            boolean ipv6 = host.contains(":") && !host.startsWith("[");
            HttpUrl parsed = host.matches(".*[/\\\\@?#].*") ? null
                    : HttpUrl.parse("http://" + (ipv6 ? "[" + host + "]" : host) + "/");
            if (parsed == null) {
                throw new IllegalArgumentException("not a host: " + host);
            }
            host = parsed.host();
        }
    }

    /**
     * What a configuration grants: the host of its own {@code url} when it allows private networks, else nothing.
     *
     * @param url                 the configured address
     * @param allowPrivateNetwork the configuration's {@code allowPrivateNetwork}
     */
    public static PrivateAccess of(String url, boolean allowPrivateNetwork) {
        return allowPrivateNetwork ? hostOf(url) : NONE;
    }

    /** The host of this URL, which may be private; {@link #NONE} when the URL is not a usable http(s) URL. */
    public static PrivateAccess hostOf(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed == null ? NONE : new PrivateAccess(parsed.host());
    }

    /** The host of this URL, which may be private; {@link #NONE} when the URL is not a usable http(s) URL. */
    public static PrivateAccess hostOf(URI url) {
        return hostOf(url.toString());
    }

    /** What the configuration grants, in its own words, for a refusal to name. */
    public String grant() {
        return host == null ? "allowPrivateNetwork is off" : "allowPrivateNetwork covers only " + host;
    }

    /** Whether {@code canonicalHost} (as OkHttp gives it) may be at a non-public address. */
    public boolean allows(String canonicalHost) {
        return host != null && host.equals(canonicalHost);
    }
}
