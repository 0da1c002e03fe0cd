package io.newsmonitor.samples;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The team's labelled corpus of announcements (fr/en/de, with syndicated copies, rewrites and hard negatives), and
 * the reader of any corpus file in its schema (the held-out corpus of {@code corpus/heldout/}).
 */
public final class SampleCorpus {

    private static final String RESOURCE = "announcements.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SampleCorpus() {
    }

    /** Every announcement of the corpus, in file order. */
    public static List<SampleAnnouncement> all() {
        try (InputStream in = SampleCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the sample corpus " + RESOURCE + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample corpus", e);
        }
    }

    /** Every announcement of a corpus file in the same schema, in file order. */
    public static List<SampleAnnouncement> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus file " + file, e);
        }
    }

    /** Every announcement, oldest first: the order in which the demo publishes them. */
    public static List<SampleAnnouncement> byPublication() {
        return all().stream().sorted(Comparator.comparing(SampleAnnouncement::publishedAt)
                .thenComparing(SampleAnnouncement::id)).toList();
    }

    private static List<SampleAnnouncement> read(InputStream in) throws IOException {
        return List.copyOf(YAML.readValue(in, new TypeReference<List<SampleAnnouncement>>() { }));
    }
}
