package io.newsmonitor.app.quality;

import io.newsmonitor.samples.SampleAnnouncement;
import io.newsmonitor.samples.SampleCorpus;
import io.newsmonitor.testkit.TestConfigDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One labelled set measured on the live path, its items oldest first.
 *
 * @param name  {@code team}, {@code dev} or {@code test}
 * @param items its announcements with their labels
 */
record LabelledSet(String name, List<SampleAnnouncement> items) {

    LabelledSet {
        items = items.stream().sorted(Comparator.comparing(SampleAnnouncement::publishedAt)
                .thenComparing(SampleAnnouncement::id)).toList();
    }

    /** The team's corpus (the second dev set). */
    static LabelledSet team() {
        return new LabelledSet("team", SampleCorpus.all());
    }

    /** A split of the held-out corpus: every {@code corpus/heldout/<split>/*.yaml}. */
    static LabelledSet heldOut(String split) {
        Path dir = TestConfigDir.projectConfig().getParent().resolve("corpus").resolve("heldout").resolve(split);
        try (Stream<Path> files = Files.list(dir)) {
            return new LabelledSet(split, files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .flatMap(f -> SampleCorpus.load(f).stream()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
