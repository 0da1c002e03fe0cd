package io.newsmonitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node of a structured YAML configuration file (feeds, dictionaries, subscriptions) that knows where it stands, so
 * that every error names the file and the path of the culprit: {@code config/feeds.yaml: feeds[3].interval: ...}.
 */
public final class ConfigNode {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String file;
    private final String path;
    private final JsonNode node;

    private ConfigNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /**
     * The root of a YAML file.
     *
     * @throws ConfigException when it is missing, unreadable or not a mapping
     */
    public static ConfigNode load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toString(), null, "file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return root(file.toString(), in);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The root of a YAML document read from a stream; {@code origin} names it in errors. */
    public static ConfigNode root(String origin, InputStream in) {
        try {
            JsonNode root = YAML.readTree(in);
            if (root == null || !root.isObject()) {
                throw new ConfigException(origin, null, "must be a YAML mapping");
            }
            return new ConfigNode(origin, "", root);
        } catch (IOException e) {
            throw new ConfigException(origin, null, "not valid YAML: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** The file this node comes from. */
    public String file() {
        return file;
    }

    /** The node's path in the file, such as {@code feeds[3].html}. */
    public String path() {
        return path;
    }

    /** An error about this node. */
    public ConfigException error(String problem) {
        return new ConfigException(file, path, problem);
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Whether the mapping has a non-null value at {@code key}. */
    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** The mapping at {@code key}, or {@code null} when absent. */
    public ConfigNode child(String key) {
        if (!has(key)) {
            return null;
        }
        JsonNode v = node.get(key);
        if (!v.isObject()) {
            throw new ConfigException(file, childPath(key), "must be a mapping");
        }
        return new ConfigNode(file, childPath(key), v);
    }

    /** The elements of the list at {@code key} (empty when absent). */
    public List<ConfigNode> list(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode v = node.get(key);
        if (!v.isArray()) {
            throw new ConfigException(file, childPath(key), "must be a list");
        }
        List<ConfigNode> elements = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            elements.add(new ConfigNode(file, childPath(key) + "[" + i + "]", v.get(i)));
        }
        return elements;
    }

    /** The keys of this mapping, in file order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The text at {@code key}, or {@code fallback} when absent. */
    public String string(String key, String fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (v.isContainerNode()) {
            throw new ConfigException(file, childPath(key), "must be a single value");
        }
        return v.asText();
    }

    /** The text at {@code key}, which must be present and not blank. */
    public String requiredString(String key) {
        String value = string(key, null);
        if (value == null || value.isBlank()) {
            throw new ConfigException(file, childPath(key), "is required");
        }
        return value.strip();
    }

    /**
     * The value at {@code key} as plain Java values (maps, lists, strings, numbers, booleans), for a tree whose
     * meaning another module checks (a subscription's rule); {@code null} when absent.
     */
    public Object plain(String key) {
        return has(key) ? YAML.convertValue(node.get(key), Object.class) : null;
    }

    /** This node's own text (for list elements that are plain strings). */
    public String text() {
        if (node.isContainerNode() || node.isNull()) {
            throw new ConfigException(file, path, "must be a single value");
        }
        return node.asText();
    }

    /** The true/false value at {@code key}, or {@code fallback}. */
    public boolean bool(String key, boolean fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigException(file, childPath(key), "must be true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    /** The number at {@code key}, or {@code fallback}. */
    public double number(String key, double fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(file, childPath(key), "must be a number, got '" + v + "'");
        }
    }

    /** The duration at {@code key} ({@code PT15M}, {@code 90s}, {@code 10m}...), or {@code fallback}. */
    public Duration duration(String key, Duration fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            Duration d = Durations.parse(v);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("must be positive, got '" + v + "'");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, childPath(key), e.getMessage(), e);
        }
    }

    /** The list of texts at {@code key} (a single value counts as a list of one; absent: empty). */
    public List<String> strings(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode v = node.get(key);
        if (!v.isArray()) {
            return List.of(string(key, null));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isContainerNode() || v.get(i).isNull()) {
                throw new ConfigException(file, childPath(key) + "[" + i + "]", "must be a single value");
            }
            values.add(v.get(i).asText());
        }
        return values;
    }

    /**
     * Refuses keys this mapping may not hold, so that a typo fails at start-up instead of being ignored.
     *
     * @throws ConfigException naming the first unknown key and the known ones
     */
    public ConfigNode allowOnly(Set<String> known) {
        if (!node.isObject()) {
            throw new ConfigException(file, path, "must be a mapping");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ConfigException(file, childPath(name), "unknown key; known keys: " + new TreeSet<>(known));
            }
        }
        return this;
    }
}
