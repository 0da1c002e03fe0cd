package io.newsmonitor.processor.taxonomy;

/**
 * A theme of the dictionary.
 *
 * @param id       theme id
 * @param label    display label
 * @param minScore total weight at which the theme counts as present
 */
public record Theme(String id, String label, double minScore) {
}
