package io.newsmonitor.model;

/**
 * A theme present in an announcement.
 *
 * @param id    theme id from {@code themes.yaml} ({@code ai}, {@code compute}, ...)
 * @param score sum of the weights of the matched terms (title matches count double)
 */
public record ThemeScore(String id, double score) {
}
