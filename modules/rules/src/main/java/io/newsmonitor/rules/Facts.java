package io.newsmonitor.rules;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.text.TextAnalyzer;
import io.newsmonitor.text.Token;
import java.util.List;
import java.util.Objects;

/**
 * What rules read of one announcement: the announcement, its source's tags, and its text analysed as the classifier
 * analyses it (once, on first use by a keyword condition, however many rules are evaluated). Not thread-safe: one
 * instance per announcement and thread.
 */
public final class Facts {

    private final ClassifiedAnnouncement announcement;
    private final List<String> sourceTags;
    private final TextAnalyzer analyzer;
    private List<Token> tokens;

    /**
     * @param announcement the announcement
     * @param sourceTags   the tags of its source
     * @param analyzer     the text analysis keywords are matched with
     */
    Facts(ClassifiedAnnouncement announcement, List<String> sourceTags, TextAnalyzer analyzer) {
        this.announcement = Objects.requireNonNull(announcement, "announcement");
        this.sourceTags = List.copyOf(sourceTags);
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /** The announcement. */
    public ClassifiedAnnouncement announcement() {
        return announcement;
    }

    /** The tags of its source. */
    List<String> sourceTags() {
        return sourceTags;
    }

    /** The text the keywords are looked for in: the cleaned text (which begins with the title), else the title. */
    String text() {
        String text = announcement.text();
        return text == null || text.isEmpty() ? announcement.title() == null ? "" : announcement.title() : text;
    }

    /** The tokens of {@link #text()}, analysed on first use. */
    List<Token> tokens() {
        if (tokens == null) {
            tokens = analyzer.tokens(text());
        }
        return tokens;
    }
}
