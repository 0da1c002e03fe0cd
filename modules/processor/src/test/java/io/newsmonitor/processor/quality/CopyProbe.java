package io.newsmonitor.processor.quality;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.processor.classify.AnnouncementAnalyzer;
import io.newsmonitor.processor.classify.Classifier;
import io.newsmonitor.processor.dedup.Candidate;
import io.newsmonitor.processor.dedup.MinHash;
import io.newsmonitor.processor.text.TextCleaner;
import io.newsmonitor.processor.topology.TopologyFixture;
import io.newsmonitor.samples.SampleAnnouncement;
import io.newsmonitor.samples.SampleCorpus;
import io.newsmonitor.text.LanguageGuesser;
import io.newsmonitor.text.TextAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Tuning aid: containment of labelled copies against their originals, and the highest among non-copies (dev, team). */
@EnabledIfSystemProperty(named = "copyProbe", matches = "true")
class CopyProbe {

    @Test
    void probe() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).getParent().getParent();
        List<SampleAnnouncement> all = new ArrayList<>();
        for (String f : List.of("fr", "en", "de")) {
            all.addAll(SampleCorpus.load(root.resolve("corpus/heldout/dev/" + f + ".yaml")));
        }
        all.addAll(SampleCorpus.all());
        TextAnalyzer analyzer = new TextAnalyzer();
        AnnouncementAnalyzer aa = new AnnouncementAnalyzer(new TextCleaner(20_000), new LanguageGuesser(List.of("fr",
                "en", "de", "it", "es", "sq")), analyzer, new Classifier(TopologyFixture.TAXONOMY, analyzer, 2.0),
                new MinHash(128), new MinHash(64), Clock.systemUTC());
        List<Candidate> cs = new ArrayList<>();
        for (SampleAnnouncement a : all) {
            cs.add(aa.analyze(new Announcement(a.id(), a.source(), a.url(), null, a.title(), a.summary(),
                    a.content(), a.language(), a.publishedAt(), a.publishedAt(), List.of())));
        }
        StringBuilder out = new StringBuilder();
        List<String> nonCopy = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < i; j++) {
                SampleAnnouncement a = all.get(i), b = all.get(j);
                if (Duration.between(a.publishedAt(), b.publishedAt()).abs().toDays() > 30) {
                    continue;
                }
                double c = MinHash.containment(cs.get(i).fingerprint().shingles(), cs.get(j).fingerprint().shingles());
                boolean copy = Objects.equals(a.expect().duplicateOf(), b.id())
                        || Objects.equals(b.expect().duplicateOf(), a.id())
                        || (a.expect().duplicateOf() != null
                        && Objects.equals(a.expect().duplicateOf(), b.expect().duplicateOf()));
                boolean sameStory = Objects.equals(a.expect().story(), b.expect().story());
                if (copy) {
                    out.append(String.format("COPY %s %s %.3f%n", a.id(), b.id(), c));
                } else if (c > 0.3) {
                    nonCopy.add(String.format("NON %s %s %.3f sameStory=%s", a.id(), b.id(), c, sameStory));
                }
            }
        }
        nonCopy.forEach(s -> out.append(s).append('\n'));
        Files.writeString(Path.of("target/copy-probe.txt"), out.toString());
    }
}
