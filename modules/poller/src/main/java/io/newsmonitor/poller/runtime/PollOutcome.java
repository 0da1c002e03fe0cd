package io.newsmonitor.poller.runtime;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.poller.parse.SelectorHits;
import java.util.List;

/**
 * The result of one poll of one source: the new announcements and the source's new state, which are published
 * together in one transaction.
 *
 * @param announcements new announcements, oldest first
 * @param state         the source's state after this poll
 * @param topic         the feed's own address as it states it ({@code rel="self"}), for WebSub, or {@code null}
 * @param selectorHits  for an HTML source whose listing page was read, what its selectors found (for
 *                      {@code newsmonitor feeds check}); otherwise {@code null}
 */
public record PollOutcome(List<Announcement> announcements, PollerState state, String topic,
                          SelectorHits selectorHits) {

    public PollOutcome {
        announcements = List.copyOf(announcements);
    }
}
