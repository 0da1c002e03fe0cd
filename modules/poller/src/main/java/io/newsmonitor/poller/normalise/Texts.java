package io.newsmonitor.poller.normalise;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Turns published markup into clean text: tags, scripts and styles removed, entities decoded, whitespace folded. */
public final class Texts {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern LEFTOVER_ENTITY = Pattern.compile("&[A-Za-z][A-Za-z0-9]{0,31};");
    private static final Pattern SPACES = Pattern.compile("[\\s\u00A0\u2007\u202F]+");

    private Texts() {
    }

    /** Clean text of an HTML or plain-text fragment, or {@code null} for {@code null} or blank input. */
    public static String clean(String markup) {
        if (markup == null || markup.isBlank()) {
            return null;
        }
        String text = markup.indexOf('<') >= 0 || markup.indexOf('&') >= 0 ? htmlToText(markup) : markup;
        text = CONTROL.matcher(text).replaceAll(" ");
        // An entity the document declared but we refused to expand (XXE, billion laughs) is dropped, not shown.
        text = LEFTOVER_ENTITY.matcher(text).replaceAll("");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return text.isEmpty() ? null : text;
    }

    private static String htmlToText(String markup) {
        Document doc = Jsoup.parseBodyFragment(markup);
        doc.select("script, style, noscript, iframe, template").remove();
        return doc.body().text();
    }
}
