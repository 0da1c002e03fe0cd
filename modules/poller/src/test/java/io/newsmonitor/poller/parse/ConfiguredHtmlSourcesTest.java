package io.newsmonitor.poller.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.model.FeedSource;
import io.newsmonitor.poller.config.FeedCatalog;
import io.newsmonitor.testkit.TestConfigDir;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HTML sources of the shipped {@code config/feeds.yaml}, read with their configured selectors from listing pages
 * shaped like theirs ({@code feeds/good/html/sources/}, reconstructed from public scrapers: see the README there).
 */
class ConfiguredHtmlSourcesTest {

    private static final List<FeedSource> SHIPPED =
            FeedCatalog.load(TestConfigDir.projectConfig().resolve("feeds.yaml"));

    private final HtmlListingParser parser = new HtmlListingParser();

    @Test
    void bmdsTitlesComeFromTheLinksTitleAttributeAndDatesFromTheDateLine() throws Exception {
        ParsedFeed page = listing("bmds-pressemitteilungen");

        assertThat(page.items()).containsExactly(
                new FeedItem("Neues KI-Gesetz tritt in Kraft",
                        "https://bmds.bund.de/aktuelles/pressemitteilungen/detail/neues-ki-gesetz-tritt-in-kraft", null,
                        "Die nationalen Regeln zur KI-Aufsicht gelten ab heute.", null,
                        Instant.parse("2026-05-07T00:00:00Z")),
                new FeedItem("Agentic AI Hub: Start der 2. Bewerbungsrunde",
                        "https://bmds.bund.de/aktuelles/pressemitteilungen/detail/"
                                + "agentic-ai-hub-start-der-2-bewerbungsrunde", null,
                        "Start-ups können sich bis Ende Juni bewerben.", null, Instant.parse("2026-04-28T00:00:00Z")));
        assertThat(page.selectorHits()).isEqualTo(new SelectorHits(2, 2, 2, 2, 2, 2));
    }

    @Test
    void bmftrReadsBothTeaserVariantsOfTheGovernmentSiteBuilder() throws Exception {
        ParsedFeed page = listing("bmftr-pressemitteilungen");

        assertThat(page.items()).containsExactly(
                new FeedItem("Deutsch-französisches KI-Forschungsnetzwerk wächst",
                        "https://www.bmftr.bund.de/SharedDocs/Pressemitteilungen/DE/2026/11/261126-KI-Netzwerk.html",
                        null, "Zwei neue Verbünde starten in Saarbrücken und Grenoble.", null,
                        Instant.parse("2026-11-26T00:00:00Z")),
                new FeedItem("Hightech Agenda: Quantenrechner für die Forschung",
                        "https://www.bmftr.bund.de/SharedDocs/Pressemitteilungen/DE/2026/11/261120-Quanten.html",
                        null, "Das BMFTR fördert den Zugang von Hochschulen.", null,
                        Instant.parse("2026-11-20T09:00:00Z")));
    }

    @Test
    void bmftrStaysDisabledWhileItsOnlyListingIsUnderTheDisallowedSiteGlobals() {
        FeedSource bmftr = source("bmftr-pressemitteilungen");

        assertThat(bmftr.enabled()).isFalse();
        assertThat(URI.create(bmftr.url()).getPath()).startsWith("/SiteGlobals/");
    }

    @Test
    void elyseeCardsAreTheInnermostArticlesAndTheirSpansGiveDateAndTitle() throws Exception {
        ParsedFeed page = listing("elysee-actualites");

        assertThat(page.items()).containsExactly(
                new FeedItem("Déclaration franco-indienne sur l'intelligence artificielle",
                        "https://www.elysee.fr/emmanuel-macron/2026/11/24/"
                                + "declaration-franco-indienne-sur-lintelligence-artificielle", null, null, null,
                        Instant.parse("2026-11-24T00:00:00Z")),
                new FeedItem("Entretien avec le Premier ministre du Canada",
                        "https://www.elysee.fr/emmanuel-macron/2026/11/20/entretien-avec-le-premier-ministre-du-canada",
                        null, null, null, Instant.parse("2026-11-20T00:00:00Z")));
    }

    @Test
    void kryeministriaDatesAreReadInAlbanian() throws Exception {
        ParsedFeed page = listing("kryeministria-lajme");

        assertThat(page.items()).containsExactly(
                new FeedItem("Marrëveshje për inteligjencën artificiale",
                        "https://www.kryeministria.al/newsroom/marreveshje-per-inteligjencen-artificiale/", null,
                        "Qeveria nënshkroi një memorandum bashkëpunimi.", null, Instant.parse("2026-02-19T00:00:00Z")),
                new FeedItem("Takim me ministrin e digjitalizimit",
                        "https://www.kryeministria.al/newsroom/takim-me-ministrin-e-digjitalizimit/", null,
                        "Bisedime për shërbimet publike online.", null, Instant.parse("2025-11-03T00:00:00Z")));
    }

    @Test
    void theCouncilOfEuropeIsDisabledForItsBrowserOnlyWall() {
        assertThat(source("coe-artificial-intelligence").enabled()).isFalse();
    }

    private ParsedFeed listing(String id) throws IOException, FeedParseException {
        FeedSource source = source(id);
        try (InputStream in = getClass().getResourceAsStream("/feeds/good/html/sources/" + id + ".html")) {
            assertThat(in).as("fixture of " + id).isNotNull();
            return parser.listing(in.readAllBytes(), "text/html; charset=utf-8", URI.create(source.url()),
                    source.html());
        }
    }

    private static FeedSource source(String id) {
        return SHIPPED.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no source " + id + " in config/feeds.yaml"));
    }
}
