package io.newsmonitor.web;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.MatchReason;
import io.newsmonitor.model.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Atom feed of one subscription's recent alerts, written with ROME (which escapes every text), so that any feed
 * reader, or a chat tool's feed connector, follows a subscription. Each entry's id is {@code urn:newsmonitor:alert:}
 * and the alert id, the same for the same (subscription, story) in every replay, so readers never show one twice.
 */
final class AtomFeed {

    static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
    private static final String ALERT_URN = "urn:newsmonitor:alert:";
    private static final String SUBSCRIPTION_URN = "urn:newsmonitor:subscription:";

    private AtomFeed() {
    }

    /**
     * @param subscription the subscription
     * @param alerts       its recent alerts, newest first
     * @param selfUrl      the feed's own address
     * @param now          the feed's update time when it has no alert yet
     */
    static String write(Subscription subscription, List<Alert> alerts, String selfUrl, Instant now) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri(SUBSCRIPTION_URN + subscription.id());
        feed.setTitle("newsmonitor: " + subscription.name());
        feed.setDescription("Alerts of the subscription " + subscription.id());
        feed.setLinks(List.of(link(selfUrl, "self")));
        feed.setPublishedDate(Date.from(alerts.isEmpty() ? now : alerts.get(0).alertedAt()));
        feed.setEntries(alerts.stream().map(AtomFeed::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("the Atom feed of subscription " + subscription.id()
                    + " cannot be written: " + e.getMessage(), e);
        }
    }

    private static SyndEntry entry(Alert alert) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(ALERT_URN + alert.alertId());
        entry.setTitle(alert.title() == null || alert.title().isBlank() ? alert.announcementId() : alert.title());
        if (alert.url() != null) {
            entry.setLink(alert.url());
        }
        entry.setUpdatedDate(Date.from(alert.alertedAt()));
        if (alert.publishedAt() != null) {
            entry.setPublishedDate(Date.from(alert.publishedAt()));
        }
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(summary(alert));
        entry.setDescription(summary);
        return entry;
    }

    /** Plain text: actors, themes, the cooperating parties and why the subscription matched. */
    static String summary(Alert alert) {
        List<String> lines = new ArrayList<>();
        lines.add("Actors: " + listed(alert.actors()));
        lines.add("Themes: " + listed(alert.themes()));
        if (!alert.parties().isEmpty()) {
            lines.add("AI cooperation between: " + String.join(", ", alert.parties()));
        }
        if (!alert.reasons().isEmpty()) {
            lines.add("Why: " + alert.reasons().stream().map(AtomFeed::reason).collect(Collectors.joining("; ")));
        }
        lines.add("Source: " + alert.sourceId());
        return String.join("\n", lines);
    }

    private static String reason(MatchReason reason) {
        return reason.terms().isEmpty() ? reason.condition()
                : reason.condition() + " (" + String.join(", ", reason.terms()) + ")";
    }

    private static String listed(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }

    private static SyndLink link(String href, String rel) {
        SyndLink link = new SyndLinkImpl();
        link.setHref(href);
        link.setRel(rel);
        return link;
    }
}
