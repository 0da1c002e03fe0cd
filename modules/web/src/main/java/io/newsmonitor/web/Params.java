package io.newsmonitor.web;

import io.newsmonitor.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The query parameters of one request, read into typed values; a value that cannot be read raises a
 * {@link RequestRefused} naming the parameter. An absent or empty parameter means "not given".
 */
final class Params {

    /** The most items one request returns. */
    static final int MAX_LIMIT = 1000;
    private static final int MAX_TEXT = 200;

    private final Map<String, List<String>> query;
    private final Clock clock;

    Params(Map<String, List<String>> query, Clock clock) {
        this.query = Map.copyOf(query);
        this.clock = clock;
    }

    /** The parameter's text, or {@code null} when absent or empty. */
    String text(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        if (values.size() > 1) {
            throw RequestRefused.badRequest(name, "given " + values.size() + " times; give it once");
        }
        String value = values.get(0).trim();
        if (value.length() > MAX_TEXT) {
            throw RequestRefused.badRequest(name, "longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    /** A whole number from 1 to {@link #MAX_LIMIT}, or {@code fallback} when absent. */
    int limit(String name, int fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw RequestRefused.badRequest(name, "must be a whole number from 1 to " + MAX_LIMIT + ", got '" + value
                + "'");
    }

    /** {@code true} or {@code false}, or {@code null} when absent. */
    Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw RequestRefused.badRequest(name, "must be true or false, got '" + value + "'");
        }
        return Boolean.valueOf(value);
    }

    /**
     * A point in time, written as an instant ({@code 2025-03-01T12:00:00Z}), a UTC day ({@code 2025-03-01}, its
     * start) or an age ({@code 24h}, {@code 7d}: that long before now); {@code fallback} when absent.
     */
    Instant instant(String name, Instant fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            if (value.contains("T")) {
                return Instant.parse(value);
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return clock.instant().minus(Durations.parse(value));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw RequestRefused.badRequest(name, "must be an instant (2025-03-01T12:00:00Z), a day (2025-03-01) or "
                    + "an age (24h, 7d), got '" + value + "'");
        }
    }

    /** A duration ({@code 30d}, {@code PT12H}) up to {@code max}, or {@code fallback} when absent. */
    Duration duration(String name, Duration fallback, Duration max) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        Duration duration;
        try {
            duration = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest(name, e.getMessage());
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(max) > 0) {
            throw RequestRefused.badRequest(name, "must be positive and at most " + max.toDays() + "d, got '" + value
                    + "'");
        }
        return duration;
    }

    /** Whether the request asks for this instance's own answer only ({@code scope=local}), as peers do. */
    boolean local() {
        String scope = text(Api.SCOPE);
        if (scope == null || scope.equals("all")) {
            return false;
        }
        if (scope.equals(Api.LOCAL)) {
            return true;
        }
        throw RequestRefused.badRequest(Api.SCOPE, "must be local or all, got '" + scope + "'");
    }
}
