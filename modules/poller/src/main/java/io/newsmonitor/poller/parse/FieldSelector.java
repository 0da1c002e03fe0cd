package io.newsmonitor.poller.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * One field selector of an HTML source ({@code link}, {@code title}, {@code date}, {@code summary}): a jsoup CSS
 * selector, relative to the item, optionally followed by {@code @attribute} to read that attribute of the matched
 * element instead of its text. {@code a.teaser-link@title} reads the {@code title} attribute of the item's
 * {@code a.teaser-link}; {@code @data-date} alone reads an attribute of the item element itself. The suffix applies to
 * the whole selector list ({@code h2 a, h3 a@title} reads {@code title} from whichever matches).
 *
 * <p>An {@code @} is read as the suffix only when it stands outside brackets and quotes and is followed by nothing but
 * an attribute name, so selectors such as {@code a[href^='mailto:press@example.org']} keep their meaning.
 *
 * @param css       the CSS selector, or {@code null} for the item element itself
 * @param attribute the attribute to read, or {@code null} to read the element's text
 */
public record FieldSelector(String css, String attribute) {

    private static final Pattern ATTRIBUTE_SUFFIX = Pattern.compile("@([A-Za-z_:][-A-Za-z0-9_:.]*)$");

    /**
     * Reads a selector as written in {@code feeds.yaml}.
     *
     * @throws IllegalArgumentException naming what is wrong, when it is blank or not a valid CSS selector
     */
    public static FieldSelector parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("selector is empty");
        }
        String trimmed = spec.strip();
        Matcher suffix = ATTRIBUTE_SUFFIX.matcher(trimmed);
        String css = trimmed;
        String attribute = null;
        if (suffix.find() && outsideBracketsAndQuotes(trimmed, suffix.start())) {
            css = trimmed.substring(0, suffix.start()).strip();
            attribute = suffix.group(1);
        }
        if (css.isEmpty()) {
            return new FieldSelector(null, attribute);
        }
        evaluator(css);
        return new FieldSelector(css, attribute);
    }

    /**
     * Checks that {@code css} is a selector jsoup can evaluate.
     *
     * @throws IllegalArgumentException with jsoup's reason when it is not
     */
    public static Evaluator evaluator(String css) {
        try {
            return QueryParser.parse(css);
        } catch (Selector.SelectorParseException e) {
            throw new IllegalArgumentException("'" + css + "' is not a valid CSS selector: " + e.getMessage(), e);
        }
    }

    /**
     * The value of the first element within {@code item} (in document order) that has one: its non-blank text, or
     * its non-blank attribute; {@code null} when none has.
     */
    public String value(Element item) {
        for (Element e : elements(item)) {
            String value = attribute == null ? e.text() : e.attr(attribute);
            if (!value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /**
     * The elements within {@code item} this selector reads, in document order (the item itself when there is no CSS
     * part).
     */
    public List<Element> elements(Element item) {
        return css == null ? List.of(item) : item.select(css);
    }

    private static boolean outsideBracketsAndQuotes(String spec, int index) {
        int brackets = 0;
        char quote = 0;
        for (int i = 0; i < index; i++) {
            char c = spec.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                brackets++;
            } else if (c == ']' || c == ')') {
                brackets--;
            }
        }
        return brackets == 0 && quote == 0;
    }
}
