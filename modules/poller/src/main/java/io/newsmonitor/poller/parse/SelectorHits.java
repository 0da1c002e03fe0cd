package io.newsmonitor.poller.parse;

/**
 * What the selectors of an HTML source found on one listing page, to tell a page that changed from one that works:
 * how many items the item selector matched, and in how many of them each field selector gave a value. A field whose
 * selector is not configured counts 0.
 *
 * @param items     elements the item selector matched
 * @param links     items whose link selector (or, when it is not configured, the first {@code a[href]}) gave an address
 * @param titles    items whose title selector gave non-blank text
 * @param dates     items whose date selector matched an element with a value
 * @param datesRead items whose date value could be read as a date (at most {@code dates})
 * @param summaries items whose summary selector gave non-blank text
 */
public record SelectorHits(int items, int links, int titles, int dates, int datesRead, int summaries) {
}
