package io.newsmonitor.text;

/**
 * One token of a text.
 *
 * @param term     the analysed form (elision and possessive removed, lower-cased, accent-folded, lightly stemmed),
 *                 for common words (theme terms, cooperation cues)
 * @param folded   the same without stemming, for names (stemming would make French "Islande" the English "Island")
 * @param raw      the token as written (possessive removed), for case-sensitive acronym matching
 * @param start    offset of its first character in the text
 * @param end      offset after its last character
 * @param hyphenAfter whether a hyphen follows it directly ({@code franco-}), for compound forms
 * @param boundaryBefore whether sentence punctuation or a line break separates it from the previous token, which no
 *                 phrase may span ("... on AI. Singapore ..." is not "AI Singapore")
 */
public record Token(String term, String folded, String raw, int start, int end, boolean hyphenAfter,
                    boolean boundaryBefore) {
}
