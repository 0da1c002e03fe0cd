package io.newsmonitor.processor.text;

/**
 * One token of a text.
 *
 * @param term     the analysed form (elision removed, lower-cased, accent-folded, lightly stemmed)
 * @param raw      the token as written, for case-sensitive acronym matching
 * @param start    offset of its first character in the text
 * @param end      offset after its last character
 * @param hyphenAfter whether a hyphen follows it directly ({@code franco-}), for compound forms
 */
public record Token(String term, String raw, int start, int end, boolean hyphenAfter) {
}
