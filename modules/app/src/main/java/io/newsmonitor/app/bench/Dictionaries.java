package io.newsmonitor.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A configuration directory like the project's with a larger actor dictionary: the project's own entries (about 550)
 * plus invented organisations up to a total size, so that classification can be timed against dictionary size.
 */
public final class Dictionaries {

    private static final String ACTORS = "actors.yaml";
    private static final String PEOPLE = "\npeople:";
    private static final String[] SYLLABLES = {"ka", "lor", "vex", "ti", "mar", "quo", "den", "sil", "bra", "nu",
            "rek", "fal", "zin", "po", "gar", "hel", "dro", "mi", "tas", "ven"};
    private static final String[] SUFFIXES = {"Systems", "Labs", "Institut", "Analytics", "Robotics", "Holding",
            "Research", "Technologies", "Foundation", "Networks"};

    private Dictionaries() {
    }

    /** The number of entries (countries, groups, organisations, people) of an actor dictionary. */
    public static int entries(Path configDir) {
        try (Stream<String> lines = Files.lines(configDir.resolve(ACTORS))) {
            return (int) lines.filter(l -> l.startsWith("  - id: ")).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configDir.resolve(ACTORS), e);
        }
    }

    /**
     * A copy of {@code configDir} in {@code target} whose actor dictionary holds {@code total} entries, the added ones
     * invented organisations of two-word names.
     */
    public static Path withActors(Path configDir, Path target, int total, long seed) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(configDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            String actors = Files.readString(configDir.resolve(ACTORS));
            int people = actors.indexOf(PEOPLE);
            if (people < 0) {
                throw new IllegalStateException(configDir.resolve(ACTORS)
                        + " has no 'people:' section to insert before");
            }
            StringBuilder added = new StringBuilder("\n  # ---- invented by the benchmark ----\n");
            Random random = new Random(seed);
            for (int i = entries(configDir); i < total; i++) {
                String word = word(random);
                added.append("  - id: bench-org-").append(i).append('\n')
                        .append("    names: [").append(word).append(' ').append(SUFFIXES[i % SUFFIXES.length])
                        .append(' ').append(i).append("]\n")
                        .append("    country: FR\n    kind: company\n");
            }
            Files.writeString(target.resolve(ACTORS), actors.substring(0, people) + added + actors.substring(people));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark's dictionaries in " + target, e);
        }
    }

    private static String word(Random random) {
        StringBuilder w = new StringBuilder();
        for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
            w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
