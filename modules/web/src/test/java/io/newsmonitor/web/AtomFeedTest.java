package io.newsmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Subscription;
import java.io.StringReader;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Atom feed of a subscription, read back with ROME as a feed reader would. */
class AtomFeedTest {

    private static final Instant PUBLISHED = Instant.parse("2025-03-10T08:00:00Z");
    private static final Instant ALERTED = Instant.parse("2025-03-10T08:00:05Z");
    private static final String HOSTILE = "FR & TN <script>alert(1)</script><img src=x onerror=alert(2)>";

    @Test
    void eachAlertIsAnEntryWithItsStableIdTitleLinkDatesAndWhy() throws Exception {
        Subscription subscription = new Subscription("fr-maghreb", "France & the Maghreb", List.of("FR"), null, null,
                true, null);
        ClassifiedAnnouncement announcement = Fixtures.announcement("a1", HOSTILE, PUBLISHED);
        Alert alert = Fixtures.alert("fr-maghreb", announcement, ALERTED);

        String xml = AtomFeed.write(subscription, List.of(alert), "http://127.0.0.1:8080/subscriptions/fr-maghreb.atom",
                Instant.EPOCH);
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));

        assertThat(xml).doesNotContain("<script>").doesNotContain("<img");
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getUri()).isEqualTo("urn:newsmonitor:subscription:fr-maghreb");
        assertThat(feed.getTitle()).isEqualTo("newsmonitor: France & the Maghreb");
        SyndEntry entry = feed.getEntries().get(0);
        assertThat(entry.getUri()).isEqualTo("urn:newsmonitor:alert:" + alert.alertId());
        assertThat(entry.getTitle()).isEqualTo(HOSTILE);
        assertThat(entry.getLink()).isEqualTo("https://example.org/a1");
        assertThat(entry.getUpdatedDate()).isEqualTo(Date.from(ALERTED));
        assertThat(entry.getPublishedDate()).isEqualTo(Date.from(PUBLISHED));
        assertThat(entry.getDescription().getValue()).isEqualTo("""
                Actors: FR, TN
                Themes: research
                AI cooperation between: FR, TN
                Why: pair: FR + TN (France, Tunisie); theme: research (recherche)
                Source: src-a1""");
    }

    @Test
    void aFeedWithoutAlertsIsStillAValidFeed() throws Exception {
        Subscription subscription = new Subscription("quiet", null, List.of("IS"), null, null, false, null);

        String xml = AtomFeed.write(subscription, List.of(), "http://127.0.0.1:8080/subscriptions/quiet.atom",
                ALERTED);
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));

        assertThat(feed.getEntries()).isEmpty();
        assertThat(feed.getPublishedDate()).isEqualTo(Date.from(ALERTED));
    }
}
