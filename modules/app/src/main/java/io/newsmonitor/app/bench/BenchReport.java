package io.newsmonitor.app.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsmonitor.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of a benchmark run, as a table for people and as JSON for tools. */
final class BenchReport {

    /**
     * One figure.
     *
     * @param name   what was measured
     * @param value  the figure
     * @param unit   its unit
     * @param target the target, or {@code null}
     * @param met    whether the target is met, or {@code null} when there is none
     */
    record Figure(String name, double value, String unit, String target, Boolean met) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();

    void context(String key, Object value) {
        context.put(key, value);
    }

    void add(String name, double value, String unit) {
        figures.add(new Figure(name, value, unit, null, null));
    }

    /** A figure that should be at least {@code target}. */
    void atLeast(String name, double value, String unit, double target) {
        figures.add(new Figure(name, value, unit, ">= " + format(target), value >= target));
    }

    /** A figure that should be at most {@code target}. */
    void atMost(String name, double value, String unit, double target) {
        figures.add(new Figure(name, value, unit, "<= " + format(target), value <= target));
    }

    void print(PrintWriter out) {
        out.printf("%-58s %14s %-10s %-12s%n", "figure", "value", "unit", "target");
        for (Figure f : figures) {
            out.printf("%-58s %14s %-10s %-12s%n", f.name(), format(f.value()), f.unit(),
                    f.target() == null ? "" : f.target() + (f.met() ? " met" : " MISSED"));
        }
        out.flush();
    }

    /** Writes the report as {@code bench-<run>.json} in {@code dir}; returns the file. */
    Path write(Path dir, String run) {
        Map<String, Object> json = new LinkedHashMap<>(context);
        json.put("figures", figures);
        Path file = dir.resolve("bench-" + run + ".json");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(json));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark report " + file, e);
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
