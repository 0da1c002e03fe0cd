package io.newsmonitor.app.quality;

import io.newsmonitor.model.SourceType;
import io.newsmonitor.samples.SampleAnnouncement;
import io.newsmonitor.sink.aggregates.Dimension;
import io.newsmonitor.sink.aggregates.Granularity;
import io.newsmonitor.testkit.quality.Scores;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The live-path report in Markdown: the sets side by side, then per language, per theme, the aggregates, and the lists
 * (by item id only) of story merges, copy errors, items the poller held back and text the live path lost.
 */
final class LiveReport {

    private final List<SetScores> sets;
    private final StringBuilder md = new StringBuilder();

    private LiveReport(List<SetScores> sets) {
        this.sets = sets;
    }

    static String render(List<SetScores> sets) {
        return new LiveReport(sets).render();
    }

    private String render() {
        md.append("# Classification quality on the live path\n\n")
                .append("Each set served as RSS 2.0 and Atom feeds by local HTTP servers, released in publication ")
                .append("order in steps of ").append(ReleasePlan.POLL_INTERVAL.toMinutes()).append(" min, polled by ")
                .append("the poller, classified, deduplicated and grouped by the processor, alerted and counted by ")
                .append("the sink, on a real broker; taxonomy ").append(sets.get(0).output().taxonomy())
                .append(". Items of the `test` set are named by id only.\n\n");
        summary();
        perLanguage();
        perTheme();
        aggregates();
        lists();
        return md.toString();
    }

    private void summary() {
        header("## Summary", "measure");
        row("items (fr/en/de/other)", s -> {
            Map<String, Long> n = s.output().set().items().stream()
                    .collect(Collectors.groupingBy(SampleAnnouncement::language, Collectors.counting()));
            long other = s.output().set().items().size() - n.getOrDefault("fr", 0L) - n.getOrDefault("en", 0L)
                    - n.getOrDefault("de", 0L);
            return s.output().set().items().size() + " (" + n.getOrDefault("fr", 0L) + "/" + n.getOrDefault("en", 0L)
                    + "/" + n.getOrDefault("de", 0L) + "/" + other + ")";
        });
        row("feeds (RSS + Atom), release steps", s -> {
            CorpusFeeds feeds = new CorpusFeeds(s.output().set().items());
            long rss = feeds.feeds().stream().filter(f -> f.type() == SourceType.RSS).count();
            return rss + " + " + (feeds.feeds().size() - rss) + ", " + s.output().steps();
        });
        row("run time, start-up included", s -> s.output().elapsed().toSeconds() + " s");
        row("items accounted for", s -> s.accountedFor() + " of " + s.output().set().items().size());
        row("first seen / copies / not published by the poller", s -> s.output().firstSeen().size() + " / "
                + s.output().duplicates().size() + " / " + s.output().notPublished().size());
        row("countries P / R / **F1**", s -> prf(s.all().countries));
        row("groups (EU, ...) P / R / **F1**", s -> prf(s.all().groups));
        row("countries and groups P / R / **F1**", s -> prf(s.all().countriesAndGroups));
        row("organisations named in the text found", s -> organisations(s.all()));
        row("organisation actors matching no label", s -> String.valueOf(s.all().organisationsUnlabelled));
        row("themes, micro P / R / **F1**", s -> prf(s.all().themes));
        row("`aiCooperation` P / R / **F1**", s -> prf(s.all().aiCooperation));
        row("parties (where both say cooperation) P / R / F1", s -> prf(s.all().parties));
        row("syndicated copies caught", s -> s.copiesStories().caught + " of " + s.copiesStories().copies
                + (s.copiesStories().caughtByThePoller > 0
                ? " (" + s.copiesStories().caughtByThePoller + " by the poller: same URL)" : ""));
        row("originals mistaken for copies", s -> s.copiesStories().originalsMistaken
                + (s.copiesStories().originalsHeldBack > 0
                ? " (and " + s.copiesStories().originalsHeldBack + " held back by the poller: same URL)" : ""));
        row("`OUTDATED` (older than the deduplicator's memory)", s -> String.valueOf(s.copiesStories().outdated));
        row("same-event pairs grouped into one story", s -> s.copiesStories().sameEventPairsGrouped + " of "
                + s.copiesStories().sameEventPairs + share(s.copiesStories().sameEventPairsGrouped,
                s.copiesStories().sameEventPairs));
        row("**pairs of distinct events in one story**", s -> s.copiesStories().distinctEventPairsMerged + " (in "
                + s.copiesStories().merges.size() + " stories; " + s.copiesStories().distinctEventPairsSharingAPage
                + " of labels sharing a page)");
        row("AI-cooperation events alerted (`ai-cooperation`)", s -> s.sink().cooperationEventsAlerted + " of "
                + s.sink().cooperationEvents);
        row("`ai-cooperation` alerts on events labelled otherwise", s -> s.sink().alertsOnOtherEvents + " of "
                + s.sink().alerts);
        row("bodies dropped / shortened / boilerplate kept (live vs direct)", s -> s.text().bodiesDropped.size()
                + " / " + s.text().textLost.size() + " / " + s.text().boilerplateKept.size());
        row("bodies classified with fewer paragraphs than written", s -> String.valueOf(s.text().paragraphsMerged));
        row("titles / summaries / contents changed by the poller", s -> s.text().titlesChanged.size() + " / "
                + s.text().summariesChanged.size() + " / " + s.text().contentsChanged.size());
    }

    private void perLanguage() {
        md.append("\n## Per language\n\n| set | language | items | countries F1 | organisations found | ")
                .append("themes P / R / F1 | `aiCooperation` P / R / F1 |\n|---|---|---|---|---|---|---|\n");
        for (SetScores s : sets) {
            s.perLanguage().forEach((language, c) -> md.append("| ").append(s.name()).append(" | ").append(language)
                    .append(" | ").append(c.items).append(" | ").append(num(c.countries.f1())).append(" | ")
                    .append(organisations(c)).append(" | ").append(prf(c.themes)).append(" | ")
                    .append(prf(c.aiCooperation)).append(" |\n"));
        }
    }

    private void perTheme() {
        header("\n## Per theme (P / R / F1, labelled items)", "theme");
        TreeSet<String> themes = new TreeSet<>();
        sets.forEach(s -> themes.addAll(s.all().perTheme.keySet()));
        for (String theme : themes) {
            row(theme, s -> {
                Scores t = s.all().perTheme.get(theme);
                return t == null ? "—" : prf(t) + " (" + t.support() + ")";
            });
        }
    }

    private void aggregates() {
        header("\n## Aggregates (sum of counts: on the topic / from the classified records / from the labels)",
                "aggregate");
        for (Dimension aggregate : Dimension.values()) {
            row(aggregate.aggregateName(Granularity.DAILY), s -> {
                long[] sums = s.sink().aggregates.get(aggregate);
                return sums[0] + " / " + sums[1] + " / " + (sums[2] < 0 ? "—" : String.valueOf(sums[2]));
            });
        }
    }

    private void lists() {
        md.append("\n## Item lists (ids only)\n");
        for (SetScores s : sets) {
            md.append("\n### ").append(s.name()).append("\n\n");
            list("Pairs of distinct events in one story, per predicted story",
                    s.copiesStories().merges.stream().map(Object::toString).toList());
            list("Copies missed", s.copiesStories().missedCopies);
            list("Originals taken for copies", s.copiesStories().mistakenOriginals);
            list("Not published by the poller (same URL as another item of the same feed)",
                    new TreeMap<>(s.output().notPublished()).entrySet().stream()
                            .map(e -> e.getKey() + " (shares its URL with " + e.getValue() + ")").toList());
            list("Aggregate records the sink counted otherwise than the classified records call for",
                    s.sink().aggregateMismatches);
            list("Unaccounted for", s.output().set().items().stream()
                    .filter(item -> !s.output().accountedFor(item)).map(SampleAnnouncement::id).toList());
            list("Body dropped on the live path, kept on the direct path", s.text().bodiesDropped);
            list("Body shortened on the live path (under 80 % of the direct path's)", s.text().textLost);
            list("Boilerplate kept on the live path (over 110 % of the direct path's)", s.text().boilerplateKept);
            list("Title changed by the poller", s.text().titlesChanged);
            list("Summary changed by the poller", s.text().summariesChanged);
            list("Content changed by the poller", s.text().contentsChanged);
        }
    }

    private void list(String title, List<String> entries) {
        md.append("- ").append(title).append(": ").append(entries.isEmpty() ? "none" : entries.size()).append('\n');
        entries.forEach(e -> md.append("  - ").append(e).append('\n'));
    }

    private void header(String title, String first) {
        md.append(title).append("\n\n| ").append(first);
        sets.forEach(s -> md.append(" | ").append(s.name()));
        md.append(" |\n|---");
        sets.forEach(s -> md.append("|---"));
        md.append("|\n");
    }

    private void row(String label, Function<SetScores, String> cell) {
        md.append("| ").append(label);
        sets.forEach(s -> md.append(" | ").append(cell.apply(s)));
        md.append(" |\n");
    }

    private static String organisations(ClassificationScores c) {
        return num(c.organisationsFound()) + " (" + (c.organisationsById + c.organisationsByName) + " of "
                + c.organisations + ", " + c.organisationsByName + " by name)";
    }

    private static String prf(Scores s) {
        return num(s.precision()) + " / " + num(s.recall()) + " / **" + num(s.f1()) + "**";
    }

    private static String share(int part, int whole) {
        return whole == 0 ? "" : " (" + Math.round(100.0 * part / whole) + " %)";
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
