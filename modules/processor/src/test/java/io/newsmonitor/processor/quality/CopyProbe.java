package io.newsmonitor.processor.quality;

import io.newsmonitor.processor.dedup.Candidate;
import io.newsmonitor.processor.dedup.MinHash;
import io.newsmonitor.samples.SampleAnnouncement;
import java.nio.file.Files;
import java.nio.file.Path;
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
        List<SampleAnnouncement> all = TuningCorpus.devAndTeam();
        List<Candidate> cs = TuningCorpus.analyse(all);
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
