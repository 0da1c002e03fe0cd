package io.newsmonitor.processor.quality;

import io.newsmonitor.model.ThemeScore;
import io.newsmonitor.processor.dedup.Candidate;
import io.newsmonitor.processor.dedup.Fingerprint;
import io.newsmonitor.processor.dedup.MinHash;
import io.newsmonitor.samples.SampleAnnouncement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Tuning aid, run on demand ({@code -Dtest=StoryProbe -DstoryProbe=true}): for every pair of dev and team items
 * within 72 h that share two salient actors, the figures the story rules decide on, and whether the labels say one
 * event (never test).
 */
@EnabledIfSystemProperty(named = "storyProbe", matches = "true")
class StoryProbe {

    @Test
    void probe() throws Exception {
        List<SampleAnnouncement> all = TuningCorpus.devAndTeam();
        List<Candidate> cs = TuningCorpus.analyse(all);
        StringBuilder out = new StringBuilder("same id1 id2 hours lang1 lang2 common union themeOverlap anchors1 "
                + "anchors2 sharedAnchors jaccard sharedParties sharedAnchorList\n");
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < i; j++) {
                SampleAnnouncement a = all.get(i);
                SampleAnnouncement b = all.get(j);
                if (a.expect().duplicateOf() != null || b.expect().duplicateOf() != null
                        || Duration.between(a.publishedAt(), b.publishedAt()).abs().toHours() > 72) {
                    continue;
                }
                Fingerprint f = cs.get(i).fingerprint();
                Fingerprint g = cs.get(j).fingerprint();
                Set<String> shared = new HashSet<>(f.salient());
                shared.retainAll(g.salient());
                if (shared.size() < 2) {
                    continue;
                }
                Set<String> union = new HashSet<>(f.salient());
                union.addAll(g.salient());
                Set<String> anchors = new HashSet<>(f.anchors());
                anchors.retainAll(g.anchors());
                out.append(String.format("%s %s %s %d %s %s %d %d %.2f %d %d %d %.3f %s %s%n",
                        Objects.equals(a.expect().story(), b.expect().story()) ? "SAME" : "DIFF", a.id(), b.id(),
                        Duration.between(a.publishedAt(), b.publishedAt()).abs().toHours(),
                        cs.get(i).announcement().language(), cs.get(j).announcement().language(), shared.size(),
                        union.size(), themeOverlap(cs.get(i), cs.get(j)), f.anchors().size(), g.anchors().size(),
                        anchors.size(), MinHash.jaccard(f.words(), g.words()), shared, anchors));
            }
        }
        Files.writeString(Path.of("target/story-probe.txt"), out.toString());
    }

    private static double themeOverlap(Candidate a, Candidate b) {
        Set<String> x = new HashSet<>(a.announcement().themes().stream().map(ThemeScore::id).toList());
        Set<String> y = new HashSet<>(b.announcement().themes().stream().map(ThemeScore::id).toList());
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return union.isEmpty() ? 1 : x.size() / (double) union.size();
    }
}
