package io.newsmonitor.poller.normalise;

import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Turns published markup into clean text: tags, scripts and styles removed, entities decoded, whitespace folded.
 *
 * <p>The text keeps its paragraphs, one per line: the shape every announcement's summary and content has on the
 * topics, which the processor splits to drop boilerplate paragraphs (share buttons, newsletter calls) without losing
 * the rest. In markup, block elements ({@code p}, {@code div}, {@code br}, {@code li}, headings...) end a paragraph
 * and line breaks are spaces, as a browser shows them; in plain text, a blank line ends a paragraph and a single
 * line break (a hard wrap) is a space.
 */
public final class Texts {

    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "iframe");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1",
            "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "section", "article", "header",
            "footer", "aside", "figure", "figcaption", "hr", "address", "main", "nav");
    private static final char PARAGRAPH = '\n';
    private static final int MAX_ENTITY_NAME = 32;

    private Texts() {
    }

    /**
     * Clean text of an HTML or plain-text fragment, one paragraph per line, or {@code null} for {@code null} or
     * blank input.
     */
    public static String clean(String markup) {
        if (markup == null || markup.isBlank()) {
            return null;
        }
        String text = markup.indexOf('<') >= 0 ? htmlToText(markup) : plainParagraphs(markup);
        if (text.indexOf('&') >= 0) {
            text = withoutEntityReferences(text);
        }
        text = collapse(text);
        return text.isEmpty() ? null : text;
    }

    /** {@link #clean(String)} on one line, for titles. */
    public static String line(String markup) {
        String text = clean(markup);
        return text == null ? null : text.replace(PARAGRAPH, ' ');
    }

    /**
     * An entity the document declared but we refused to expand (XXE, billion laughs) is dropped, not shown:
     * {@code &name;} with a name of letters and digits, up to 32 characters.
     */
    private static String withoutEntityReferences(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == '&' ? referenceEnd(text, i) : -1;
            if (end > 0) {
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after {@code &name;} starting at {@code amp}, or -1 when there is none. */
    private static int referenceEnd(String text, int amp) {
        int j = amp + 1;
        if (j >= text.length() || !isAsciiLetter(text.charAt(j))) {
            return -1;
        }
        while (j < text.length() && j - amp <= MAX_ENTITY_NAME && (isAsciiLetter(text.charAt(j))
                || text.charAt(j) >= '0' && text.charAt(j) <= '9')) {
            j++;
        }
        return j < text.length() && text.charAt(j) == ';' ? j + 1 : -1;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * Plain text: a blank line ends a paragraph, a single line break is a space (hard-wrapped lines are one
     * paragraph).
     */
    private static String plainParagraphs(String text) {
        String[] paragraphs = text.split("\\R[\\h]*\\R");
        StringBuilder out = new StringBuilder(text.length());
        for (String paragraph : paragraphs) {
            if (out.length() > 0) {
                out.append(PARAGRAPH);
            }
            out.append(paragraph.replace('\r', ' ').replace('\n', ' '));
        }
        return text.indexOf('&') >= 0 ? Parser.unescapeEntities(out.toString(), false) : out.toString();
    }

    /**
     * One pass: control characters and runs of white space (no-break spaces included) become one space, or one
     * paragraph break when the run holds one, and the ends are trimmed.
     */
    private static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        boolean paragraph = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == PARAGRAPH) {
                paragraph = out.length() > 0;
            } else if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u00A0' || c == '\u2007'
                    || c == '\u202F') {
                space = out.length() > 0;
            } else {
                if (paragraph || space) {
                    out.append(paragraph ? PARAGRAPH : ' ');
                    space = false;
                    paragraph = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Text of an HTML fragment in one streaming pass, without building a DOM (a feed has dozens of fragments, and
     * this runs for each): tags dropped, the content of {@code script}, {@code style}, {@code noscript},
     * {@code template} and {@code iframe} dropped, comments and CDATA markers dropped, block elements turned to
     * paragraph breaks and other tags to spaces, the markup's own line breaks to spaces, entities decoded by jsoup's
     * unescaper.
     */
    private static String htmlToText(String markup) {
        StringBuilder text = new StringBuilder(markup.length());
        int i = 0;
        int n = markup.length();
        while (i < n) {
            char c = markup.charAt(i);
            if (c != '<') {
                int next = markup.indexOf('<', i);
                int stop = next < 0 ? n : next;
                appendAsSpaces(text, markup, i, stop);
                i = stop;
                continue;
            }
            if (markup.startsWith("<!--", i)) {
                int close = markup.indexOf("-->", i + 4);
                i = close < 0 ? n : close + 3;
                continue;
            }
            if (markup.startsWith("<![CDATA[", i)) {
                int close = markup.indexOf("]]>", i + 9);
                appendAsSpaces(text, markup, i + 9, close < 0 ? n : close);
                i = close < 0 ? n : close + 3;
                continue;
            }
            int close = markup.indexOf('>', i + 1);
            if (close < 0) {
                break;
            }
            String name = tagName(markup, i + 1, close);
            if (SKIPPED.contains(name)) {
                int end = indexOfIgnoreCase(markup, "</" + name, close + 1);
                close = end < 0 ? n - 1 : Math.max(end, markup.indexOf('>', end));
            }
            text.append(BLOCKS.contains(name) ? PARAGRAPH : ' ');
            i = close + 1;
        }
        return Parser.unescapeEntities(text.toString(), false);
    }

    /** Text of markup, whose line breaks are spaces (only elements make paragraphs in HTML). */
    private static void appendAsSpaces(StringBuilder text, String markup, int from, int to) {
        for (int j = from; j < to; j++) {
            char c = markup.charAt(j);
            text.append(c == '\n' || c == '\r' ? ' ' : c);
        }
    }

    private static String tagName(String markup, int from, int to) {
        int start = from < to && markup.charAt(from) == '/' ? from + 1 : from;
        int end = start;
        while (end < to && Character.isLetterOrDigit(markup.charAt(end))) {
            end++;
        }
        return markup.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    }

    private static int indexOfIgnoreCase(String text, String part, int from) {
        for (int i = from; i <= text.length() - part.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return i;
            }
        }
        return -1;
    }
}
