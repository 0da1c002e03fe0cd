package io.newsmonitor.processor.quality;

import io.newsmonitor.json.JsonSerde;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Duplicate;
import io.newsmonitor.processor.topology.TopologyFixture;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Equivalence aid, run on demand ({@code -Dtest=DedupDecisionsProbe -DdedupProbe=FILE}): announcements of a JSON-lines
 * file (e.g. written from the bench's {@code SyntheticNews}) through the processor topology with default settings,
 * and every decision (copy of what, or first seen in which story) with a digest of the whole output value into
 * {@code target/dedup-decisions.txt}. Two versions of the deduplicator that decide alike write the same file.
 */
@EnabledIfSystemProperty(named = "dedupProbe", matches = ".+")
class DedupDecisionsProbe {

    private static final JsonSerde<Announcement> ANNOUNCEMENT = JsonSerde.of(Announcement.class);
    private static final JsonSerde<ClassifiedAnnouncement> CLASSIFIED = JsonSerde.of(ClassifiedAnnouncement.class);
    private static final JsonSerde<Duplicate> DUPLICATE = JsonSerde.of(Duplicate.class);

    @Test
    void decisions() throws Exception {
        StringBuilder out = new StringBuilder();
        try (TopologyFixture fixture = new TopologyFixture();
             BufferedReader in = Files.newBufferedReader(Path.of(System.getProperty("dedupProbe")))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Announcement a = ANNOUNCEMENT.deserialize("probe", line.getBytes(StandardCharsets.UTF_8));
                fixture.send(java.util.List.of(a));
                for (ClassifiedAnnouncement c : fixture.classified()) {
                    out.append(c.id()).append(" first story=").append(c.storyId()).append(' ')
                            .append(digest(CLASSIFIED.serialize("probe", c))).append('\n');
                }
                for (Duplicate d : fixture.duplicates()) {
                    out.append(d.announcement().id()).append(" copy of=").append(d.duplicateOf()).append(' ')
                            .append(d.match()).append(' ').append(d.similarity()).append(' ')
                            .append(digest(DUPLICATE.serialize("probe", d))).append('\n');
                }
            }
        }
        Files.writeString(Path.of("target/dedup-decisions.txt"), out.toString());
    }

    private static String digest(byte[] value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value), 0, 8);
    }
}
