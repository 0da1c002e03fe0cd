package io.newsmonitor.poller;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.PollerState;
import java.util.List;

/**
 * What one try of a source found ({@link SourceCheck}): what a first poll would publish, or why it would fail.
 *
 * @param status        {@code OK}, {@code RECOVERED} (a malformed feed read leniently) or {@code FAILING}
 * @param error         why it fails, or {@code null} when it works
 * @param announcements what would be published, oldest first
 * @param selectors     for an HTML source whose listing page was read, what its selectors found; else {@code null}
 */
public record CheckResult(PollerState.Status status, String error, List<Announcement> announcements,
                          Selectors selectors) {

    public CheckResult {
        announcements = List.copyOf(announcements);
    }

    /** Whether the source works: it would publish (perhaps leniently read) items. */
    public boolean works() {
        return status != PollerState.Status.FAILING;
    }

    /**
     * What the selectors of an HTML source found on its listing page: how many items the item selector matched,
     * and in how many of them each field selector gave a value (0 for a field whose selector is not configured).
     *
     * @param items     elements the item selector matched
     * @param links     items whose link selector (or, when it is not configured, the first {@code a[href]}) gave an
     *                  address
     * @param titles    items whose title selector gave non-blank text
     * @param dates     items whose date selector matched an element with a value
     * @param datesRead items whose date value could be read as a date (at most {@code dates})
     * @param summaries items whose summary selector gave non-blank text
     */
    public record Selectors(int items, int links, int titles, int dates, int datesRead, int summaries) {
    }
}
