package io.newsmonitor.web;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.MatchReason;
import io.newsmonitor.model.Subscription;
import java.time.Duration;
import java.util.List;

/**
 * What a subscription would have matched among recent classified announcements, before it is saved
 * ({@code POST /api/subscriptions/preview}). The rules module provides it, reading the classified topic.
 */
@FunctionalInterface
public interface SubscriptionPreview {

    /**
     * Runs the subscription over the classified announcements published in the last {@code period}.
     *
     * @param subscription a valid subscription (checked by the {@link SubscriptionValidator} first)
     * @param period       how far back to look
     * @param limit        at most this many matches, newest first
     */
    Result preview(Subscription subscription, Duration period, int limit);

    /** A preview that cannot be made here: the API answers 503 saying why. */
    static SubscriptionPreview unavailable(String why) {
        return (subscription, period, limit) -> {
            throw new UnavailableException("no preview: " + why);
        };
    }

    /**
     * An announcement the subscription matched, and why.
     *
     * @param announcement the announcement
     * @param reasons      the conditions that held, with their evidence terms
     */
    record Match(ClassifiedAnnouncement announcement, List<MatchReason> reasons) {
        public Match {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * @param matches the matches, newest first, at most the limit asked for
     * @param scanned how many announcements were read
     */
    record Result(List<Match> matches, long scanned) {
        public Result {
            matches = List.copyOf(matches);
        }
    }
}
