package io.newsmonitor.processor.text;

import io.newsmonitor.model.Announcement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds the text that is classified and compared: the title, then the summary (unless the content already holds
 * it), then the content, with boilerplate paragraphs removed (newsletter and social calls, "read also" links,
 * copyright lines, cookie notices, in fr/en/de) and the whole bounded in length.
 *
 * <p>Summary and content arrive one paragraph per line (the poller writes them so). Only short paragraphs
 * ({@value #MAX_BOILERPLATE_CHARS} characters at most) can be boilerplate: a long one that happens to say "follow
 * us" is content, and a text that reached here on one line must not lose all of it to one such phrase.
 */
public final class TextCleaner {

    private static final Pattern BOILERPLATE = Pattern.compile(String.join("|",
            "^(lire aussi|a lire aussi|à lire aussi|voir aussi|read also|read more|see also|related|mehr zum thema|"
                    + "lesen sie auch|auch interessant|weiterlesen)\\b.*",
            ".*\\b(abonnez-vous|inscrivez-vous à notre newsletter|subscribe to our newsletter|sign up for our "
                    + "newsletter|newsletter abonnieren|abonnieren sie)\\b.*",
            "^(©|\\(c\\)|copyright|tous droits réservés|all rights reserved|alle rechte vorbehalten).*",
            ".*\\b(suivez-nous|follow us|folgen sie uns)\\b.*",
            ".*\\b(cookies?|consentement|einwilligung)\\b.{0,80}$"), Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAGRAPHS = Pattern.compile("\\R+");
    static final int MAX_BOILERPLATE_CHARS = 300;

    private final int maxChars;

    /**
     * @param maxChars longest text kept; the rest is cut at a word boundary
     */
    public TextCleaner(int maxChars) {
        this.maxChars = maxChars;
    }

    /** The cleaned text; the title comes first and is {@link Cleaned#titleLength()} long. */
    public Cleaned clean(Announcement a) {
        String title = a.title().strip();
        String body = body(a);
        String text = body.isEmpty() ? title : title + "\n\n" + body;
        if (text.length() > maxChars) {
            int cut = text.lastIndexOf(' ', maxChars);
            text = text.substring(0, cut > maxChars / 2 ? cut : maxChars);
        }
        return new Cleaned(text, Math.min(title.length(), text.length()), body);
    }

    private String body(Announcement a) {
        String summary = a.summary() == null ? "" : a.summary().strip();
        String content = a.content() == null ? "" : a.content().strip();
        String joined = content.isEmpty() ? summary
                : summary.isEmpty() || contains(content, summary) ? content
                : summary + "\n\n" + content;
        List<String> kept = new ArrayList<>();
        for (String paragraph : PARAGRAPHS.split(joined)) {
            String p = paragraph.strip();
            if (!p.isEmpty() && !isBoilerplate(p)) {
                kept.add(p);
            }
        }
        return String.join("\n", kept);
    }

    private static boolean isBoilerplate(String paragraph) {
        return paragraph.length() <= MAX_BOILERPLATE_CHARS && BOILERPLATE.matcher(paragraph).matches();
    }

    private static boolean contains(String content, String summary) {
        String probe = summary.length() > 120 ? summary.substring(0, 120) : summary;
        return content.toLowerCase(Locale.ROOT).contains(probe.toLowerCase(Locale.ROOT));
    }

    /**
     * A cleaned text.
     *
     * @param text        title and body
     * @param titleLength length of the title at the start of {@code text}
     * @param body        the body alone (summary and content), which duplicates are compared on
     */
    public record Cleaned(String text, int titleLength, String body) {
    }
}
