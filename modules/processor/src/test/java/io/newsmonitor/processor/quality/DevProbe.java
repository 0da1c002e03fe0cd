package io.newsmonitor.processor.quality;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ThemeScore;
import io.newsmonitor.processor.classify.Classification;
import io.newsmonitor.processor.classify.Classifier;
import io.newsmonitor.processor.taxonomy.Actor;
import io.newsmonitor.processor.taxonomy.TaxonomyLoader;
import io.newsmonitor.text.TextAnalyzer;
import io.newsmonitor.processor.text.TextCleaner;
import io.newsmonitor.processor.topology.TopologyFixture;
import io.newsmonitor.samples.SampleAnnouncement;
import io.newsmonitor.samples.SampleCorpus;
import io.newsmonitor.testkit.quality.OrganisationsFound;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Tuning aid, run on demand ({@code -Dtest=DevProbe -DdevProbe=true}): the dev set of corpus/heldout (never test)
 * and the team corpus through cleaner and classifier, white space folded as the poller does, with per-label scores,
 * every disagreement and, per country or group found, why it was kept, into {@code target/dev-probe.txt}.
 */
@EnabledIfSystemProperty(named = "devProbe", matches = "true")
class DevProbe {

    @Test
    void probe() throws Exception {
        StringBuilder out = new StringBuilder();
        Path root = Path.of(System.getProperty("user.dir")).getParent().getParent();
        List<SampleAnnouncement> dev = new ArrayList<>();
        for (String f : List.of("fr", "en", "de", "other")) {
            Path p = root.resolve("corpus/heldout/dev/" + f + ".yaml");
            if (Files.exists(p)) {
                dev.addAll(SampleCorpus.load(p));
            }
        }
        run("dev", dev, out);
        run("team", SampleCorpus.all(), out);
        scores("dev", dev, out, root);
        scores("team", SampleCorpus.all(), out, root);
        Files.writeString(Path.of("target/dev-probe.txt"), out.toString());
    }

    /** Every theme's raw score per item (all minScores near 0), to calibrate thresholds on dev. */
    private static void scores(String name, List<SampleAnnouncement> set, StringBuilder out, Path root)
            throws Exception {
        Path dir = Files.createTempDirectory("probe");
        Files.copy(root.resolve("config/actors.yaml"), dir.resolve("actors.yaml"));
        Files.writeString(dir.resolve("themes.yaml"), Files.readString(root.resolve("config/themes.yaml"))
                .replaceAll("minScore: [0-9.]+", "minScore: 0.01"));
        Classifier classifier = new Classifier(new TaxonomyLoader(
                new TextAnalyzer()).load(dir), new TextAnalyzer(), 2.0);
        TextCleaner cleaner = new TextCleaner(20_000);
        for (SampleAnnouncement a : set) {
            Announcement ann = new Announcement(a.id(), a.source(), a.url(), null, fold(a.title()), fold(a.summary()),
                    fold(a.content()), a.language(), a.publishedAt(), a.publishedAt(), List.of());
            TextCleaner.Cleaned cl = cleaner.clean(ann);
            Classification c = classifier.classify(cl.text(), cl.titleLength());
            for (String t : a.expect().themes()) {
                double sc = c.themes().stream().filter(x -> x.id().equals(t)).mapToDouble(ThemeScore::score)
                        .findFirst().orElse(0);
                out.append("SCORE ").append(name).append(' ').append(a.id()).append(' ').append(t).append(' ')
                        .append(sc).append(" 1\n");
            }
            c.themes().stream().filter(x -> !a.expect().themes().contains(x.id())).forEach(x -> out.append("SCORE ")
                    .append(name).append(' ').append(a.id()).append(' ').append(x.id()).append(' ')
                    .append(x.score()).append(" 0\n"));
        }
    }

    private static String fold(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").trim();
    }

    private static void run(String name, List<SampleAnnouncement> set, StringBuilder out) {
        Classifier classifier = new Classifier(TopologyFixture.TAXONOMY, new TextAnalyzer(), 2.0);
        TextCleaner cleaner = new TextCleaner(20_000);
        TreeMap<String, int[]> s = new TreeMap<>();
        StringBuilder detail = new StringBuilder();
        int[] orgs = new int[4];
        StringBuilder unlisted = new StringBuilder();
        for (SampleAnnouncement a : set) {
            Announcement ann = new Announcement(a.id(), a.source(), a.url(), null, fold(a.title()), fold(a.summary()),
                    fold(a.content()), a.language(), a.publishedAt(), a.publishedAt(), List.of());
            TextCleaner.Cleaned cl = cleaner.clean(ann);
            Classification c = classifier.classify(cl.text(), cl.titleLength());
            Set<String> countries = ids(c, ActorType.COUNTRY);
            Set<String> groups = ids(c, ActorType.GROUP);
            Set<String> themes = c.themes().stream().map(ThemeScore::id).collect(Collectors.toSet());
            add(s, "countries", a.expect().countries(), countries, a.id(), detail);
            add(s, "groups", a.expect().groups(), groups, a.id(), detail);
            add(s, "themes", a.expect().themes(), themes, a.id(), detail);
            for (String t : a.expect().themes()) {
                add(s, "t:" + t, List.of(t), themes.contains(t) ? Set.of(t) : Set.of(), null, null);
            }
            for (String t : themes) {
                if (!a.expect().themes().contains(t)) {
                    add(s, "t:" + t, List.of(), Set.of(t), null, null);
                }
            }
            add(s, "aiCoop", a.expect().aiCooperation() ? List.of("y") : List.of(),
                    c.aiCooperation() ? Set.of("y") : Set.of(), a.id(), detail);
            if (a.expect().aiCooperation() != c.aiCooperation()) {
                detail.append("   cues=").append(c.cooperation().cues()).append(" parties=")
                        .append(c.cooperation().parties()).append(" themes=").append(c.themes()).append('\n');
            }
            for (ActorMention m : c.actors()) {
                if (m.type() == ActorType.COUNTRY || m.type() == ActorType.GROUP) {
                    boolean truth = a.expect().countries().contains(m.id()) || a.expect().groups().contains(m.id());
                    boolean title = c.evidence().stream().anyMatch(e -> e.kind().equals("actor")
                            && e.id().equals(m.id()) && e.start() < cl.titleLength());
                    int first = c.evidence().stream().filter(e -> e.kind().equals("actor") && e.id().equals(m.id()))
                            .mapToInt(e -> e.start()).min().orElse(-1);
                    out.append(String.format("FEAT %s %s %s %s n=%d title=%s party=%s pos=%.2f%n", name, a.id(),
                            m.id(), truth ? "TP" : "FP", m.mentions(), title,
                            c.cooperation().parties().contains(m.id()), first / (double) cl.text().length()));
                    c.evidence().stream().filter(e -> e.kind().equals("actor") && e.id().equals(m.id())).limit(3)
                            .forEach(e -> out.append("   | ").append(cl.text(), Math.max(0, e.start() - 90),
                                    Math.min(cl.text().length(), e.end() + 60)).append('\n'));
                }
            }
            add(s, "orgs", a.expect().organisations(), ids(c, ActorType.ORGANISATION), a.id(), detail);
            OrganisationsFound.Result r = OrganisationsFound.match(a.expect().organisations(),
                    a.expect().orgNames(), c.actors(), c.evidence());
            orgs[0] += r.labelled();
            orgs[1] += r.byId();
            orgs[2] += r.byName();
            orgs[3] += r.unmatched().size();
            r.missed().forEach(n -> unlisted.append("ORG-MISSED ").append(a.id()).append(" \"").append(n)
                    .append("\"\n"));
            for (ActorMention m : c.actors()) {
                if (m.id().startsWith(Actor.UNLISTED_PREFIX)) {
                    unlisted.append(r.unmatched().contains(m) ? "UNLISTED-UNMATCHED " : "UNLISTED-MATCHED   ")
                            .append(a.id()).append(" \"").append(m.name()).append("\" x").append(m.mentions())
                            .append(c.cooperation().parties().contains(m.id()) ? " party" : "").append('\n');
                }
            }
        }
        out.append("== ").append(name).append('\n');
        out.append(String.format("orgs (live)      found %d/%d = %.3f (by id %d, by name %d), unmatched org actors %d%n",
                orgs[1] + orgs[2], orgs[0], (orgs[1] + orgs[2]) / (double) Math.max(1, orgs[0]), orgs[1], orgs[2],
                orgs[3]));
        s.forEach((k, v) -> out.append(String.format("%-16s P %.3f R %.3f F1 %.3f  (tp %d fp %d fn %d)%n", k,
                v[0] / (double) Math.max(1, v[0] + v[1]), v[0] / (double) Math.max(1, v[0] + v[2]),
                2.0 * v[0] / Math.max(1, 2 * v[0] + v[1] + v[2]), v[0], v[1], v[2])));
        out.append(detail).append(unlisted);
    }

    private static Set<String> ids(Classification c, ActorType type) {
        return c.actors().stream().filter(m -> m.type() == type).map(ActorMention::id).collect(Collectors.toSet());
    }

    private static void add(TreeMap<String, int[]> s, String key, List<String> expected, Set<String> got, String id,
                            StringBuilder detail) {
        int[] v = s.computeIfAbsent(key, k -> new int[3]);
        Set<String> e = new HashSet<>(expected);
        Set<String> tp = new TreeSet<>(got);
        tp.retainAll(e);
        Set<String> fp = new TreeSet<>(got);
        fp.removeAll(e);
        Set<String> fn = new TreeSet<>(e);
        fn.removeAll(got);
        v[0] += tp.size();
        v[1] += fp.size();
        v[2] += fn.size();
        if (detail != null && (!fp.isEmpty() || !fn.isEmpty())) {
            detail.append(id).append(' ').append(key).append(" FP ").append(fp).append(" FN ").append(fn)
                    .append('\n');
        }
    }
}
