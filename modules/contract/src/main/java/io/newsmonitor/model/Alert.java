package io.newsmonitor.model;

import java.time.Instant;
import java.util.List;

/**
 * An announcement that matched a subscription: the value of {@code newsmonitor.alerts}, keyed by
 * {@code subscriptionId + "/" + announcementId} so that a subscriber can read one subscription's alerts in order.
 *
 * @param subscriptionId  the subscription matched
 * @param announcementId  the classified announcement's id
 * @param storyId         its story
 * @param title           its title
 * @param url             its canonical URL
 * @param sourceId        its source
 * @param language        its detected language
 * @param publishedAt     its publication time, or {@code null}
 * @param alertedAt       when the alert was raised
 * @param actors          ids of its actors
 * @param themes          ids of its themes
 * @param aiCooperation   whether it announces AI cooperation
 * @param parties         the cooperating parties
 */
public record Alert(
        String subscriptionId,
        String announcementId,
        String storyId,
        String title,
        String url,
        String sourceId,
        String language,
        Instant publishedAt,
        Instant alertedAt,
        List<String> actors,
        List<String> themes,
        boolean aiCooperation,
        List<String> parties) {

    /** The record key of this alert. */
    public String key() {
        return subscriptionId + "/" + announcementId;
    }
}
