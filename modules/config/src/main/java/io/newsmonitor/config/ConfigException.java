package io.newsmonitor.config;

/**
 * A configuration value that cannot be used, naming the file and the key, so that start-up fails with a message a
 * user can act on: {@code config/newsmonitor.yaml: kafka.partitions: must be at least 1, got 0}.
 */
public class ConfigException extends RuntimeException {

    private final String file;
    private final String key;

    public ConfigException(String file, String key, String problem) {
        this(file, key, problem, null);
    }

    public ConfigException(String file, String key, String problem, Throwable cause) {
        super(file + (key == null || key.isEmpty() ? "" : ": " + key) + ": " + problem, cause);
        this.file = file;
        this.key = key;
    }

    /** The file the value came from. */
    public String file() {
        return file;
    }

    /** The dotted key of the value, or {@code null} when the whole file is at fault. */
    public String key() {
        return key;
    }
}
