package io.newsmonitor.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A configured source: the value of the compacted topic {@code newsmonitor.feeds}, keyed by {@link #id()}.
 * Seeded from {@code feeds.yaml}; {@code newsmonitor feeds add|remove} change it at run time.
 *
 * <p>A source validates itself, so that the file, the command line and a record read from the topic obey one rule:
 * a record that breaks it cannot be built, and its reader skips it naming the key and the reason.
 *
 * @param id                  unique id
 * @param name                human name
 * @param url                 address of the feed or listing page
 * @param type                how it is read
 * @param interval            base polling interval
 * @param minInterval         shortest interval the adaptive schedule may choose
 * @param maxInterval         longest interval the adaptive schedule may choose
 * @param adaptive            whether the interval adapts to how often the source publishes
 * @param language            language hint, or {@code null}
 * @param tags                free tags
 * @param enabled             whether it is polled at all
 * @param fullText            whether each article page is fetched for the whole text
 * @param allowPrivateNetwork whether this source's own host (that of {@code url}) may be at a loopback, private or
 *                            other non-public address; other hosts (redirect targets, article links, WebSub hubs)
 *                            never may, whatever this says
 * @param html                selectors, for {@link SourceType#HTML} sources (may be given for full text of feeds)
 */
public record FeedSource(
        String id,
        String name,
        String url,
        SourceType type,
        Duration interval,
        Duration minInterval,
        Duration maxInterval,
        boolean adaptive,
        String language,
        List<String> tags,
        boolean enabled,
        boolean fullText,
        boolean allowPrivateNetwork,
        HtmlSelectors html) {

    /** What a source id may hold: it names the source in logs, state keys and commands. */
    public static final Pattern VALID_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,199}");

    /**
     * @throws InvalidFieldException naming the field when the id, URL or intervals are unusable
     * @throws NullPointerException     naming the field when a required one is missing
     */
    public FeedSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(interval, "interval");
        if (!VALID_ID.matcher(id).matches()) {
            throw new InvalidFieldException("id", "'" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        checkUrl(url);
        name = name == null ? id : name;
        minInterval = minInterval == null ? interval : minInterval;
        maxInterval = maxInterval == null ? interval : maxInterval;
        if (interval.isNegative() || interval.isZero() || minInterval.isNegative() || minInterval.isZero()) {
            throw new InvalidFieldException("interval", "intervals must be positive");
        }
        if (minInterval.compareTo(maxInterval) > 0) {
            throw new InvalidFieldException("minInterval", minInterval + " is longer than maxInterval "
                    + maxInterval);
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Refuses anything but an absolute http(s) address with a host. */
    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("url", "'" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidFieldException("url", "'" + url + "' must be an absolute http(s) address");
        }
    }
}
