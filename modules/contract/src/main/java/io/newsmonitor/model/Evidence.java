package io.newsmonitor.model;

/**
 * Why the classifier decided something: one dictionary match in the announcement's text.
 *
 * @param kind  {@code actor}, {@code theme} or {@code cue}
 * @param id    the actor or theme id it supports ({@code cooperation} for cues)
 * @param term  the matched text as written
 * @param start offset of the first character in {@link ClassifiedAnnouncement#text()}
 * @param end   offset after the last character
 */
public record Evidence(String kind, String id, String term, int start, int end) {
}
