package io.newsmonitor.poller.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.config.ConfigException;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.SourceType;
import io.newsmonitor.testkit.TestConfigDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code feeds.yaml}: sources with defaults; every mistake names file and path. */
class FeedCatalogTest {

    @TempDir
    Path dir;

    private List<FeedSource> load(String yaml) throws Exception {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, yaml);
        return FeedCatalog.load(file);
    }

    @Test
    void readsSourcesWithTheirDefaults() throws Exception {
        List<FeedSource> sources = load("""
                defaults:
                  interval: 30m
                feeds:
                  - id: heise
                    url: https://www.heise.de/rss/heise-atom.xml
                    type: atom
                    tags: [media, germany]
                  - id: elysee
                    url: https://www.elysee.fr/toutes-les-actualites
                    type: html
                    interval: 2h
                    fullText: true
                    html:
                      listing: {item: ".newsBlock", link: "a[href]", title: ".newsBlock-title"}
                      article: {content: "#main"}
                """);

        assertThat(sources).extracting(FeedSource::id).containsExactly("heise", "elysee");
        assertThat(sources.get(0).interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(sources.get(0).type()).isEqualTo(SourceType.ATOM);
        assertThat(sources.get(1).html().articleContent()).isEqualTo("#main");
        assertThat(sources.get(1).maxInterval()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void theShippedCatalogLoads() {
        Path shipped = TestConfigDir.projectConfig().resolve("feeds.yaml");

        assertThat(FeedCatalog.load(shipped)).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void mistakesNameFileAndPath() {
        String file = dir.resolve("feeds.yaml").toString();
        assertThatThrownBy(() -> load("feeds:\n  - id: a\n    url: https://a.example/\n    interval: soon\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": feeds[0].interval: 'soon' is not a duration (write PT15M, 90s, 10m, 2h or 1d)");
        assertThatThrownBy(() -> load("feeds:\n  - id: a\n    url: ftp://a.example/\n"))
                .hasMessage(file + ": feeds[0].url: 'ftp://a.example/' must be an absolute http(s) address");
        assertThatThrownBy(() -> load("feeds:\n  - id: a\n    url: https://a.example/\n    type: html\n"))
                .hasMessageStartingWith(file + ": feeds[0].html: is required for type html");
        assertThatThrownBy(() -> load("feeds:\n  - id: a\n    url: https://a.example/\n  - id: a\n"
                + "    url: https://b.example/\n")).hasMessage(file + ": feeds[1].id: duplicate id 'a'");
        assertThatThrownBy(() -> load("feeds:\n  - id: a\n    url: https://a.example/\n    intervall: 5m\n"))
                .hasMessageStartingWith(file + ": feeds[0].intervall: unknown key");
        assertThatThrownBy(() -> load("feeds:\n  - id: a\n    url: https://a.example/\n    type: html\n"
                + "    html:\n      listing: {item: li, title: 'h3['}\n"))
                .hasMessageStartingWith(file + ": feeds[0].html.listing.title: 'h3[' is not a valid CSS selector");
        assertThatThrownBy(() -> load("feeds:\n  - id: a\n    url: https://a.example/\n    type: json\n"))
                .hasMessage(file + ": feeds[0].type: unknown source type 'json' (expected rss, atom, auto or html)");
    }

    @Test
    void trustInTheLocalNetworkIsGivenSourceBySourceNeverAsADefault() throws Exception {
        String file = dir.resolve("feeds.yaml").toString();
        assertThatThrownBy(() -> load("defaults:\n  allowPrivateNetwork: true\nfeeds:\n  - id: a\n"
                + "    url: https://a.example/\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": defaults.allowPrivateNetwork: cannot be true for every source: trust in the "
                        + "local network is given source by source; set it on each source that needs it");

        List<FeedSource> sources = load("feeds:\n  - id: a\n    url: http://10.0.0.5/feed\n"
                + "    allowPrivateNetwork: true\n  - id: b\n    url: https://b.example/\n");

        assertThat(sources).extracting(FeedSource::allowPrivateNetwork).containsExactly(true, false);
    }

    @Test
    void aSourceAddedAtRunTimeGetsTheSameDefaultsAsOneOfAFileWithoutDefaults() throws Exception {
        FeedSource fromFile = load("""
                feeds:
                  - id: oecd-ai
                    url: https://oecd.ai/en/feed
                    type: rss
                    interval: 1m
                """).get(0);

        FeedSource added = FeedCatalog.added("oecd-ai", "https://oecd.ai/en/feed", SourceType.RSS,
                Duration.ofMinutes(1), null, List.of(), false);

        assertThat(added).isEqualTo(fromFile);
        assertThat(added.minInterval()).as("never above the interval").isEqualTo(Duration.ofMinutes(1));
        assertThat(FeedCatalog.added("x", "https://example.org/feed", SourceType.AUTO, null, null, List.of(), false)
                .interval()).isEqualTo(FeedDefaults.STANDARD.interval());
    }
}
