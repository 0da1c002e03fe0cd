package io.newsmonitor.app.cli;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.HtmlSelectors;
import io.newsmonitor.poller.CheckResult;
import java.io.PrintWriter;

/**
 * Prints what {@code newsmonitor feeds check} found for each source: a status line, the selector hits of an HTML
 * source, one line per announcement it would publish (in publishing order, oldest first), and a closing count.
 *
 * <pre>
 * bmds-pressemitteilungen  OK  2 items  https://bmds.bund.de/aktuelles/pressemitteilungen
 *   selectors: item 2, link 2/2, title 2/2, date 2/2 (2 read as dates), summary 2/2
 *   2026-05-06T00:00:00Z  Startschuss für den Deutschland-Stack  (text 412 chars)
 *   no date               Ohne Datum  (text 0 chars)
 * </pre>
 */
final class CheckReport {

    private final PrintWriter out;
    private int working;
    private int failing;
    private int disabled;

    CheckReport(PrintWriter out) {
        this.out = out;
    }

    /** The lines of one checked source. */
    void checked(FeedSource source, CheckResult result) {
        if (result.works()) {
            working++;
        } else {
            failing++;
        }
        int items = result.announcements().size();
        out.printf("%s  %s  %d %s  %s%n", source.id(), result.status(), items, items == 1 ? "item" : "items",
                source.url());
        if (!result.works()) {
            out.printf("  error: %s%n", result.error());
        }
        if (result.selectors() != null) {
            out.printf("  selectors: %s%n", hits(source.html(), result.selectors()));
        }
        for (Announcement a : result.announcements()) {
            out.printf("  %-20s  %s  (text %d chars)%n", a.publishedAt() == null ? "no date" : a.publishedAt(),
                    a.title() == null || a.title().isEmpty() ? "(no title)" : a.title(), text(a).length());
        }
    }

    /** The line of a disabled source that was not named, and so not checked. */
    void skipped(FeedSource source) {
        disabled++;
        out.printf("%s  DISABLED  not checked (name it to check it)  %s%n", source.id(), source.url());
    }

    /** The closing count; {@code true} when every checked source works. */
    boolean finish() {
        out.printf("%d checked: %d working, %d failing%s%n", working + failing, working, failing,
                disabled == 0 ? "" : ", " + disabled + " disabled");
        out.flush();
        return failing == 0;
    }

    /** The body text the announcement carries: the article page's text when fetched, else the summary. */
    private static String text(Announcement a) {
        return a.content() != null ? a.content() : a.summary() != null ? a.summary() : "";
    }

    private static String hits(HtmlSelectors selectors, CheckResult.Selectors hits) {
        int n = hits.items();
        return "item " + n
                + ", link " + hits.links() + "/" + n + (selectors.link() == null ? " (first a[href])" : "")
                + ", title " + field(selectors.title(), hits.titles(), n)
                + ", date " + (selectors.date() == null ? "not set"
                        : hits.dates() + "/" + n + " (" + hits.datesRead() + " read as dates)")
                + ", summary " + field(selectors.summary(), hits.summaries(), n);
    }

    private static String field(String selector, int hits, int items) {
        return selector == null ? "not set" : hits + "/" + items;
    }
}
