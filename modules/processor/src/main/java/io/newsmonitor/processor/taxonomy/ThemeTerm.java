package io.newsmonitor.processor.taxonomy;

/** A dictionary phrase of a theme, and the weight each occurrence adds. */
public record ThemeTerm(Theme theme, double weight) {
}
