package io.newsmonitor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A configuration directory for a test: the project's dictionaries ({@code actors.yaml}, {@code themes.yaml}) copied
 * from the repository's {@code config/}, plus the files the test writes.
 */
public final class TestConfigDir {

    private TestConfigDir() {
    }

    /** The repository's {@code config/} directory, found from the module's working directory upwards. */
    public static Path projectConfig() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("config").resolve("actors.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate.getParent();
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no config/actors.yaml above " + Path.of("").toAbsolutePath());
    }

    /** Copies the dictionaries into {@code dir} and returns it. */
    public static Path withDictionaries(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String file : new String[] {"actors.yaml", "themes.yaml"}) {
                Files.copy(projectConfig().resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file of the directory. */
    public static void write(Path dir, String file, String content) {
        try {
            Files.writeString(dir.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
