package io.newsmonitor.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * What a subscription is told: the value of {@code newsmonitor.alerts}, keyed by
 * {@code subscriptionId + "/" + announcementId} so that a subscriber can read one subscription's alerts in order.
 * An alert is raised once per (subscription, story); {@link #alertId()} names that pair, so a receiver that sees the
 * same id twice (a webhook retried, a replay) knows it is the same alert.
 *
 * @param alertId         deterministic id of the (subscription, story) pair, see {@link #idOf(String, String)}
 * @param kind            {@link #MATCH} for an announcement that matched, {@link #TREND} for a trend
 * @param subscriptionId  the subscription matched
 * @param announcementId  the classified announcement's id (for a trend, the trend's key)
 * @param storyId         its story (for a trend, the trend's key and window)
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
 * @param reasons         which conditions of the subscription matched, with the evidence terms
 */
public record Alert(
        String alertId,
        String kind,
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
        List<String> parties,
        List<MatchReason> reasons) {

    /** Kind of an alert raised by an announcement. */
    public static final String MATCH = "match";
    /** Kind of an alert raised by a trend. */
    public static final String TREND = "trend";

    public Alert {
        alertId = alertId == null ? idOf(subscriptionId, storyId) : alertId;
        kind = kind == null ? MATCH : kind;
        actors = actors == null ? List.of() : List.copyOf(actors);
        themes = themes == null ? List.of() : List.copyOf(themes);
        parties = parties == null ? List.of() : List.copyOf(parties);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The record key of this alert. */
    public String key() {
        return subscriptionId + "/" + announcementId;
    }

    /**
     * The id of the alert of a subscription on a story: the first 128 bits of the SHA-256 of
     * {@code subscriptionId + "/" + storyId}, in hex. The same on every instance, in every replay.
     */
    public static String idOf(String subscriptionId, String storyId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((subscriptionId + "/" + storyId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
