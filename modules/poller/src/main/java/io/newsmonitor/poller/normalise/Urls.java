package io.newsmonitor.poller.normalise;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Canonical URLs, so that the same article reached through different links is recognised as one: scheme and host
 * lower-cased, default port, fragment and tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, ...)
 * removed, an empty path written {@code /}.
 */
public final class Urls {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
            "yclid", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
            "vero_id", "wt_mc", "at_medium", "at_campaign", "xtor", "ref_src", "cmpid");

    private Urls() {
    }

    /**
     * The canonical form of {@code link} resolved against {@code base}, or {@code null} when it is not an absolute
     * HTTP(S) address after resolution.
     */
    public static String canonical(String link, URI base) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = base == null ? new URI(link.trim()) : base.resolve(new URI(link.trim().replace(" ", "%20")));
            String scheme = resolved.getScheme() == null ? null : resolved.getScheme().toLowerCase(Locale.ROOT);
            if (resolved.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return null;
            }
            int port = resolved.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            String path = resolved.getRawPath() == null || resolved.getRawPath().isEmpty() ? "/"
                    : resolved.getRawPath();
            String query = withoutTracking(resolved.getRawQuery());
            return scheme + "://" + resolved.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                    + path + (query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String withoutTracking(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        return Arrays.stream(query.split("&"))
                .filter(param -> !param.isEmpty())
                .filter(param -> {
                    String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    return !name.startsWith("utm_") && !TRACKING.contains(name);
                })
                .collect(Collectors.joining("&"));
    }
}
