package io.newsmonitor.samples;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/** The team's labelled corpus of announcements (fr/en/de, with syndicated copies, rewrites and hard negatives). */
public final class SampleCorpus {

    private static final String RESOURCE = "announcements.yaml";

    private SampleCorpus() {
    }

    /** Every announcement of the corpus, in file order. */
    public static List<SampleAnnouncement> all() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = SampleCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the sample corpus " + RESOURCE + " is missing from the classpath");
            }
            return List.copyOf(yaml.readValue(in, new TypeReference<List<SampleAnnouncement>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample corpus", e);
        }
    }

    /** Every announcement, oldest first: the order in which the demo publishes them. */
    public static List<SampleAnnouncement> byPublication() {
        return all().stream().sorted(Comparator.comparing(SampleAnnouncement::publishedAt)
                .thenComparing(SampleAnnouncement::id)).toList();
    }
}
