package io.newsmonitor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One configuration setting, declared once with its key, default, meaning and validation (as Debezium's
 * {@code Field}). Settings are immutable; the {@code with...} methods return new ones.
 *
 * @param <T> the type of its value
 */
public final class Setting<T> {

    private final String key;
    private final String description;
    private final T defaultValue;
    private final Function<JsonNode, T> parser;
    private final List<Rule<T>> rules;

    private record Rule<T>(Predicate<T> test, String requirement) {
    }

    private Setting(String key, String description, T defaultValue, Function<JsonNode, T> parser,
                    List<Rule<T>> rules) {
        this.key = Objects.requireNonNull(key);
        this.description = Objects.requireNonNull(description);
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.rules = List.copyOf(rules);
    }

    /** A text setting. */
    public static Setting<String> string(String key, String defaultValue, String description) {
        return new Setting<>(key, description, defaultValue, node -> scalar(node).asText(), List.of());
    }

    /** A whole-number setting. */
    public static Setting<Integer> integer(String key, int defaultValue, String description) {
        return new Setting<>(key, description, defaultValue, node -> {
            String text = scalar(node).asText().trim();
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number, got '" + text + "'");
            }
        }, List.of());
    }

    /** A decimal-number setting. */
    public static Setting<Double> decimal(String key, double defaultValue, String description) {
        return new Setting<>(key, description, defaultValue, node -> {
            if (scalar(node).isNumber()) {
                return node.doubleValue();
            }
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number, got '" + node.asText() + "'");
            }
        }, List.of());
    }

    /** A true/false setting. */
    public static Setting<Boolean> bool(String key, boolean defaultValue, String description) {
        return new Setting<>(key, description, defaultValue, node -> {
            String text = scalar(node).asText();
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("must be true or false, got '" + text + "'");
            }
            return Boolean.parseBoolean(text);
        }, List.of());
    }

    /** A duration setting, written {@code PT15M}, {@code 90s}, {@code 10m}, {@code 2h} or {@code 1d}. */
    public static Setting<Duration> duration(String key, Duration defaultValue, String description) {
        return new Setting<>(key, description, defaultValue, node -> Durations.parse(scalar(node).asText()),
                List.of());
    }

    /** A list-of-text setting (a YAML sequence, or one scalar). */
    public static Setting<List<String>> strings(String key, List<String> defaultValue, String description) {
        return new Setting<>(key, description, defaultValue, node -> {
            if (!node.isArray()) {
                return List.of(scalar(node).asText());
            }
            List<String> values = new ArrayList<>();
            node.forEach(element -> values.add(scalar(element).asText()));
            return List.copyOf(values);
        }, List.of());
    }

    private static JsonNode scalar(JsonNode node) {
        if (node.isContainerNode()) {
            throw new IllegalArgumentException("must be a single value, not a " + (node.isArray() ? "list" : "map"));
        }
        return node;
    }

    /** This setting with one more rule its values must satisfy; {@code requirement} says what the rule wants. */
    public Setting<T> withRule(Predicate<T> test, String requirement) {
        List<Rule<T>> more = new ArrayList<>(rules);
        more.add(new Rule<>(test, requirement));
        return new Setting<>(key, description, defaultValue, parser, more);
    }

    /** Dotted key, as in the YAML file ({@code kafka.partitions} is {@code partitions} under {@code kafka}). */
    public String key() {
        return key;
    }

    /** What the setting means. */
    public String description() {
        return description;
    }

    /** What its values must be, one phrase per rule ({@code at least 1}). */
    public List<String> requirements() {
        return rules.stream().map(Rule::requirement).toList();
    }

    /** The value used when the file does not set it ({@code null} when there is none). */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * Reads and validates a value.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    T parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return checked(defaultValue);
        }
        return checked(parser.apply(node));
    }

    /**
     * Validates a value given other than in the file (a command-line option) by this setting's rules.
     *
     * @return the value
     * @throws IllegalArgumentException saying which rule it breaks
     */
    public T checked(T value) {
        if (value == null) {
            return null;
        }
        for (Rule<T> rule : rules) {
            if (!rule.test().test(value)) {
                throw new IllegalArgumentException("must be " + rule.requirement() + ", got '" + value + "'");
            }
        }
        return value;
    }

    @Override
    public String toString() {
        return key + " (default " + defaultValue + "): " + description;
    }
}
