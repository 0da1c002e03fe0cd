package io.newsmonitor.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A configured source: the value of the compacted topic {@code newsmonitor.feeds}, keyed by {@link #id()}.
 * Seeded from {@code feeds.yaml}; {@code newsmonitor feeds add|remove} change it at run time.
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

    public FeedSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(interval, "interval");
        name = name == null ? id : name;
        minInterval = minInterval == null ? interval : minInterval;
        maxInterval = maxInterval == null ? interval : maxInterval;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
