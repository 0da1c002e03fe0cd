package io.newsmonitor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a source is read. */
public enum SourceType {
    /** An RSS 0.9x, 1.0 or 2.0 feed. */
    RSS,
    /** An Atom 0.3 or 1.0 feed. */
    ATOM,
    /** A feed of either kind, told apart by its content. */
    AUTO,
    /** An HTML listing page read with CSS selectors. */
    HTML;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code rss}, {@code atom}, {@code auto} or {@code html}, in any case. */
    @JsonCreator
    public static SourceType parse(String text) {
        for (SourceType t : values()) {
            if (t.jsonName().equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown source type '" + text + "' (expected rss, atom, auto or html)");
    }

    /** Whether the source is a feed rather than an HTML page. */
    public boolean isFeed() {
        return this != HTML;
    }
}
