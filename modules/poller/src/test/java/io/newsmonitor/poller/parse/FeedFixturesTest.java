package io.newsmonitor.poller.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.HtmlSelectors;
import io.newsmonitor.model.SourceType;
import io.newsmonitor.poller.normalise.AnnouncementFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture feed written by the team (well-formed, broken and hostile ones) against its expectation in
 * {@code feeds/index.yaml}: the outcome (parsed strictly, recovered leniently, or refused), the announcements that
 * would be published, their titles, and never fewer than Python's feedparser recovers from the same bytes.
 */
class FeedFixturesTest {

    /** One entry of the index. */
    record Fixture(String file, String contentType, String problem, String expect, Integer items, List<String> titles,
                   Integer feedparserItems, Boolean feedparserBozo, Integer feedparserPublishable) {
        @Override
        public String toString() {
            return file;
        }
    }

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final FeedSource SOURCE = new FeedSource("fixture", null, "https://www.example.org/feed",
            SourceType.AUTO, Duration.ofMinutes(15), null, null, true, "fr", List.of(), true, false, false, null);
    private static final HtmlSelectors LISTING = new HtmlSelectors("article.news-item", "a.news-link",
            "h3.news-title", "time, span.news-date", "p.news-summary", null);

    private final FeedParser parser = new FeedParser();
    private final AnnouncementFactory factory = new AnnouncementFactory(Duration.ofDays(1), 100_000);

    static Stream<Fixture> fixtures() throws IOException {
        try (InputStream in = FeedFixturesTest.class.getResourceAsStream("/feeds/index.yaml")) {
            return Stream.of(new ObjectMapper(new YAMLFactory()).readValue(in, Fixture[].class))
                    .filter(f -> !f.file().contains("html/article"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachFixtureGivesTheExpectedAnnouncements(Fixture fixture) throws Exception {
        byte[] body = bytes(fixture.file());
        if (fixture.expect().equals("error")) {
            assertThatThrownBy(() -> parse(fixture, body)).isInstanceOf(FeedParseException.class);
            return;
        }
        ParsedFeed feed = parse(fixture, body);
        List<Announcement> published = publishable(feed);
        assertThat(published).as("announcements").hasSize(fixture.items());
        assertThat(published).extracting(Announcement::title).containsExactlyElementsOf(fixture.titles());
        assertThat(published.size()).as("no fewer than feedparser").isGreaterThanOrEqualTo(feedparser(fixture));
        for (Announcement a : published) {
            String all = a.title() + " " + a.summary() + " " + a.content();
            assertThat(all).as("no file content leaked").doesNotContain("root:x:0:0");
            assertThat(all.length()).as("no entity expansion").isLessThan(200_000);
        }
    }

    private ParsedFeed parse(Fixture fixture, byte[] body) throws FeedParseException {
        return fixture.file().endsWith(".html") && fixture.file().contains("listing")
                ? new HtmlListingParser().listing(body, fixture.contentType(), URI.create("https://www.example.org/"),
                LISTING)
                : parser.parse(body, fixture.contentType());
    }

    /** What the poller publishes: one announcement per distinct id, items without any identity skipped. */
    private List<Announcement> publishable(ParsedFeed feed) {
        Map<String, Announcement> byId = new LinkedHashMap<>();
        for (FeedItem item : feed.items()) {
            Announcement a = factory.create(SOURCE, item, URI.create(SOURCE.url()), NOW);
            if (a != null) {
                byId.putIfAbsent(a.id(), a);
            }
        }
        return List.copyOf(byId.values());
    }

    /**
     * What feedparser recovers, as items a poller could publish: its entry count, except where the index says how
     * many of those entries are distinct and not empty.
     */
    private static int feedparser(Fixture fixture) {
        return fixture.feedparserPublishable() != null ? fixture.feedparserPublishable()
                : fixture.feedparserItems() == null ? 0 : fixture.feedparserItems();
    }

    private static byte[] bytes(String file) throws IOException {
        try (InputStream in = FeedFixturesTest.class.getResourceAsStream("/feeds/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }
}
