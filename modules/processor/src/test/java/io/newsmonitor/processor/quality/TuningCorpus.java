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
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** What the tuning probes read: the held-out dev set (never test) and the team corpus, classified and fingerprinted. */
final class TuningCorpus {

    private TuningCorpus() {
    }

    /** The dev items of {@code corpus/heldout}, then the team corpus. */
    static List<SampleAnnouncement> devAndTeam() {
        Path root = Path.of(System.getProperty("user.dir")).getParent().getParent();
        List<SampleAnnouncement> all = new ArrayList<>();
        for (String f : List.of("fr", "en", "de")) {
            all.addAll(SampleCorpus.load(root.resolve("corpus/heldout/dev/" + f + ".yaml")));
        }
        all.addAll(SampleCorpus.all());
        return all;
    }

    /** Each item as the processor's classify step makes it: classified, with its fingerprint. */
    static List<Candidate> analyse(List<SampleAnnouncement> items) {
        TextAnalyzer analyzer = new TextAnalyzer();
        AnnouncementAnalyzer classify = new AnnouncementAnalyzer(new TextCleaner(20_000),
                new LanguageGuesser(List.of("fr", "en", "de", "it", "es", "sq")), analyzer,
                new Classifier(TopologyFixture.TAXONOMY, analyzer, 2.0), new MinHash(128), new MinHash(64),
                Clock.systemUTC());
        List<Candidate> candidates = new ArrayList<>();
        for (SampleAnnouncement a : items) {
            candidates.add(classify.analyze(new Announcement(a.id(), a.source(), a.url(), null, a.title(),
                    a.summary(), a.content(), a.language(), a.publishedAt(), a.publishedAt(), List.of())));
        }
        return candidates;
    }
}
