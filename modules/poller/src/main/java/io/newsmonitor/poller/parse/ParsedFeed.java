package io.newsmonitor.poller.parse;

import java.time.Duration;
import java.util.List;

/**
 * What a feed or listing page held.
 *
 * @param items     its items, in document order
 * @param recovered {@code true} when the strict parse failed and the items were recovered by the lenient parser
 * @param problem   why the strict parse failed (when recovered), or {@code null}
 * @param hub       the WebSub hub it advertises ({@code rel="hub"}), or {@code null}
 * @param self      its own address as it states it ({@code rel="self"}), or {@code null}
 * @param ttl          RSS {@code <ttl>}, or {@code null}
 * @param selectorHits for a listing page, what each selector of the source found; {@code null} for a feed
 */
public record ParsedFeed(List<FeedItem> items, boolean recovered, String problem, String hub, String self,
                         Duration ttl, SelectorHits selectorHits) {

    public ParsedFeed {
        items = List.copyOf(items);
    }
}
