package io.newsmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsmonitor feeds check}: sources of {@code feeds.yaml} fetched once through the poller's own code (robots.txt,
 * fetch, parse, normalise, article pages), printed as they would be published, without Kafka.
 */
class FeedsCheckCommandTest {

    private static final String HTML = "text/html; charset=utf-8";

    private static final String AGENCY_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Agency</title><link>https://agency.example/</link>
              <item><title>Newer item</title><link>https://agency.example/news/2</link>
                <description>Twelve chars</description><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>
              <item><title>Older item</title><link>https://agency.example/news/1</link>
                <description>Eleven char</description><pubDate>Sun, 01 Mar 2026 08:30:00 GMT</pubDate></item>
            </channel></rss>
            """;

    private static final String MINISTRY_LISTING = """
            <html><body><ul>
              <li class="teaser"><a class="teaser-link" href="/presse/ki-abkommen" title="KI-Abkommen unterzeichnet">
                <span class="date-text">07.05.2026, Pressemitteilung</span> Weiterlesen</a><p>Mit Frankreich.</p></li>
              <li class="teaser"><a class="teaser-link" href="/presse/ohne-datum" title="Ohne Datum">Weiterlesen</a>
                <p>Kein Datum.</p></li>
            </ul></body></html>
            """;

    private final FixtureServer server = FixtureServer.start();
    private Path config;

    @BeforeEach
    void sources(@TempDir Path temp) {
        server.enqueue("/robots.txt", FixtureResponse.ok("text/plain", "User-agent: *\nDisallow: /private/\n"))
                .enqueue("/agency.xml", FixtureResponse.ok("application/rss+xml", AGENCY_FEED))
                .enqueue("/presse", FixtureResponse.ok(HTML, MINISTRY_LISTING))
                .enqueue("/presse/ki-abkommen", FixtureResponse.ok(HTML,
                        "<html><body><nav>Menü</nav><div class=\"body\">Das Abkommen gilt ab Juni.</div></body></html>"))
                .enqueue("/presse/ohne-datum", FixtureResponse.ok(HTML,
                        "<html><body><div class=\"body\">Text.</div></body></html>"))
                .enqueue("/down.xml", FixtureResponse.status(503))
                .enqueue("/paused.xml", FixtureResponse.ok("application/rss+xml", AGENCY_FEED));
        config = TestApp.configDir(temp, "check", """
                feeds:
                  - id: agency
                    url: %s
                    allowPrivateNetwork: true
                    type: rss
                  - id: ministry
                    url: %s
                    allowPrivateNetwork: true
                    type: html
                    fullText: true
                    html:
                      listing:
                        item: "li.teaser"
                        link: "a.teaser-link"
                        title: "a.teaser-link@title"
                        date: ".date-text"
                        summary: "p"
                      article:
                        content: ".body"
                  - id: down
                    url: %s
                    allowPrivateNetwork: true
                    type: rss
                  - id: hidden
                    url: %s
                    allowPrivateNetwork: true
                    type: rss
                  - id: paused
                    url: %s
                    allowPrivateNetwork: true
                    type: rss
                    enabled: false
                """.formatted(server.url("/agency.xml"), server.url("/presse"), server.url("/down.xml"),
                server.url("/private/feed.xml"), server.url("/paused.xml")), "subscriptions: []\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void printsWhatEveryEnabledSourceWouldPublishAndFailsWhenOneDoesNotWork() {
        Run run = run("feeds", "check", "--config", config.toString());

        assertThat(run.out()).isEqualTo("""
                agency  OK  2 items  %s
                  2026-03-01T08:30:00Z  Older item  (text 11 chars)
                  2026-03-02T09:00:00Z  Newer item  (text 12 chars)
                ministry  OK  2 items  %s
                  selectors: item 2, link 2/2, title 2/2, date 1/2 (1 read as dates), summary 2/2
                  no date               Ohne Datum  (text 5 chars)
                  2026-05-07T00:00:00Z  KI-Abkommen unterzeichnet  (text 26 chars)
                down  FAILING  0 items  %s
                  error: server answered 503 (HTTP 503) at %s
                hidden  FAILING  0 items  %s
                  error: disallowed by the site's robots.txt: %s
                paused  DISABLED  not checked (name it to check it)  %s
                4 checked: 2 working, 2 failing, 1 disabled
                """.formatted(server.url("/agency.xml"), server.url("/presse"), server.url("/down.xml"),
                server.url("/down.xml"), server.url("/private/feed.xml"), server.url("/private/feed.xml"),
                server.url("/paused.xml")));
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void aNamedSourceIsCheckedAloneEvenWhenDisabled() {
        Run run = run("feeds", "check", "paused", "--config", config.toString());

        assertThat(run.out()).startsWith("paused  OK  2 items  " + server.url("/paused.xml") + "\n")
                .endsWith("1 checked: 1 working, 0 failing\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void anUnknownSourceIsAnError() {
        Run run = run("feeds", "check", "nowhere", "--config", config.toString());

        assertThat(run.err()).isEqualTo("newsmonitor: no source 'nowhere' in " + config.resolve("feeds.yaml") + "\n");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
