package io.newsmonitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The values of declared {@link Setting}s read from one YAML file. Every value is parsed and validated when the file
 * is loaded, and a key that no setting declares is refused (a typo must not silently fall back to a default), so a
 * bad file fails at start-up, naming file and key.
 */
public final class Settings {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String file;
    private final Map<String, Object> values;

    private Settings(String file, Map<String, Object> values) {
        this.file = file;
        this.values = values;
    }

    /**
     * Loads a YAML file; a missing file means every setting takes its default.
     *
     * @param file     the file
     * @param declared every setting the file may hold
     * @throws ConfigException naming the file and key of the first bad or unknown value
     */
    public static Settings load(Path file, Collection<Setting<?>> declared) {
        if (!Files.exists(file)) {
            return of(file.toString(), YAML.createObjectNode(), declared);
        }
        try {
            JsonNode root = YAML.readTree(file.toFile());
            boolean empty = root == null || root.isNull() || root.isMissingNode();
            return of(file.toString(), empty ? YAML.createObjectNode() : root, declared);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), null, "not valid YAML: " + e.getMessage(), e);
        }
    }

    /** Settings from an already-parsed tree; {@code origin} names where it came from in error messages. */
    public static Settings of(String origin, JsonNode root, Collection<Setting<?>> declared) {
        if (!root.isObject()) {
            throw new ConfigException(origin, null, "must be a mapping of settings");
        }
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", root, leaves);
        Map<String, Setting<?>> byKey = declared.stream()
                .collect(Collectors.toMap(Setting::key, s -> s, (a, b) -> a, LinkedHashMap::new));
        for (String key : leaves.keySet()) {
            if (!byKey.containsKey(key)) {
                throw new ConfigException(origin, key, "unknown setting; known settings: "
                        + new TreeSet<>(byKey.keySet()));
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (Setting<?> setting : declared) {
            try {
                Object value = setting.parse(leaves.get(setting.key()));
                if (value != null) {
                    values.put(setting.key(), value);
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(origin, setting.key(), e.getMessage(), e);
            }
        }
        return new Settings(origin, values);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (field.getValue().isObject()) {
                flatten(key, field.getValue(), leaves);
            } else if (field.getValue().isNull()) {
                // "kafka:" with every child commented out: nothing set here
                continue;
            } else {
                leaves.put(key, field.getValue());
            }
        }
    }

    /** The value of a setting: the file's, or its default. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.getOrDefault(setting.key(), setting.defaultValue());
    }

    /**
     * The value of a setting, or the override when one is given (command-line options win over the file), validated
     * by the setting's rules.
     */
    public <T> T get(Setting<T> setting, T override) {
        if (override == null) {
            return get(setting);
        }
        try {
            return setting.checked(override);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("command line", setting.key(), e.getMessage(), e);
        }
    }

    /** The file these settings came from. */
    public String file() {
        return file;
    }
}
