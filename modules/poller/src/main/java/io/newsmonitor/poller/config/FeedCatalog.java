package io.newsmonitor.poller.config;

import io.newsmonitor.config.ConfigException;
import io.newsmonitor.config.ConfigNode;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.HtmlSelectors;
import io.newsmonitor.model.InvalidFieldException;
import io.newsmonitor.model.SourceType;
import io.newsmonitor.poller.parse.FieldSelector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code feeds.yaml}: source definitions with defaults, validated entry by entry, every error naming file and
 * path ({@code config/feeds.yaml: feeds[3].url: ...}).
 */
public final class FeedCatalog {

    private static final Set<String> TOP = Set.of("version", "defaults", "feeds");
    private static final String ALLOW_PRIVATE = "allowPrivateNetwork";
    private static final Set<String> DEFAULTS = Set.of("interval", "minInterval", "maxInterval", "adaptive",
            "fullText", ALLOW_PRIVATE);
    private static final Set<String> SOURCE = Set.of("id", "name", "url", "type", "interval", "minInterval",
            "maxInterval", "adaptive", "language", "tags", "enabled", "fullText", ALLOW_PRIVATE, "confirmed",
            "evidence", "html");
    private static final Set<String> HTML = Set.of("listing", "article");
    private static final Set<String> LISTING = Set.of("item", "link", "title", "date", "summary");
    private static final Set<String> ARTICLE = Set.of("content");

    private FeedCatalog() {
    }

    /** The sources of a catalogue file. */
    public static List<FeedSource> load(Path file) {
        return read(ConfigNode.load(file));
    }

    /** The sources of a parsed catalogue. */
    public static List<FeedSource> read(ConfigNode root) {
        root.allowOnly(TOP);
        ConfigNode defaults = root.child("defaults");
        if (defaults != null && defaults.bool(ALLOW_PRIVATE, false)) {
            throw new ConfigException(defaults.file(), defaults.path() + "." + ALLOW_PRIVATE,
                    "cannot be true for every source: trust in the local network is given source by source; set it "
                            + "on each source that needs it");
        }
        FeedDefaults d = defaults == null ? FeedDefaults.STANDARD : defaults(defaults.allowOnly(DEFAULTS));
        List<FeedSource> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode entry : root.list("feeds")) {
            FeedSource source = source(entry, d);
            if (!ids.add(source.id())) {
                throw new ConfigException(entry.file(), entry.path() + ".id", "duplicate id '" + source.id() + "'");
            }
            sources.add(source);
        }
        return sources;
    }

    /**
     * A source added at run time ({@code newsmonitor feeds add}) rather than from the file: every field it does not
     * name takes its value from {@link FeedDefaults#STANDARD}, as in a file without a {@code defaults} section.
     *
     * @param interval polling interval, or {@code null} for the default
     * @throws InvalidFieldException naming the field that is not valid
     */
    public static FeedSource added(String id, String url, SourceType type, Duration interval, String language,
                                   List<String> tags, boolean fullText) {
        FeedDefaults d = FeedDefaults.STANDARD;
        Duration every = interval == null ? d.interval() : interval;
        return new FeedSource(id, id, url, type, every, d.minFor(every), d.maxFor(every), d.adaptive(), language,
                tags, true, fullText, false, null);
    }

    private static FeedDefaults defaults(ConfigNode node) {
        FeedDefaults standard = FeedDefaults.STANDARD;
        return new FeedDefaults(node.duration("interval", standard.interval()),
                node.duration("minInterval", standard.minInterval()),
                node.duration("maxInterval", standard.maxInterval()), node.bool("adaptive", standard.adaptive()),
                node.bool("fullText", standard.fullText()));
    }

    private static FeedSource source(ConfigNode entry, FeedDefaults d) {
        entry.allowOnly(SOURCE);
        String id = entry.requiredString("id");
        String url = entry.requiredString("url");
        SourceType type;
        try {
            type = SourceType.parse(entry.string("type", "auto"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(entry.file(), entry.path() + ".type", e.getMessage(), e);
        }
        Duration interval = entry.duration("interval", d.interval());
        Duration min = entry.duration("minInterval", d.minFor(interval));
        Duration max = entry.duration("maxInterval", d.maxFor(interval));
        boolean fullText = entry.bool("fullText", d.fullText());
        HtmlSelectors html = html(entry.child("html"));
        if (type == SourceType.HTML && html == null) {
            throw new ConfigException(entry.file(), entry.path() + ".html",
                    "is required for type html (listing selectors: item, link, title, date, summary)");
        }
        try {
            return new FeedSource(id, entry.string("name", id), url, type, interval, min, max,
                    entry.bool("adaptive", d.adaptive()), entry.string("language", null), entry.strings("tags"),
                    entry.bool("enabled", true), fullText, entry.bool(ALLOW_PRIVATE, false),
                    html);
        } catch (InvalidFieldException e) {
            throw new ConfigException(entry.file(), entry.path() + "." + e.field(), e.problem(), e);
        }
    }

    private static HtmlSelectors html(ConfigNode html) {
        if (html == null) {
            return null;
        }
        html.allowOnly(HTML);
        ConfigNode listing = html.child("listing");
        ConfigNode article = html.child("article");
        if (listing == null) {
            throw html.error("listing selectors are required");
        }
        listing.allowOnly(LISTING);
        if (article != null) {
            article.allowOnly(ARTICLE);
        }
        return new HtmlSelectors(css(listing, "item"), field(listing, "link"), field(listing, "title"),
                field(listing, "date"), field(listing, "summary"), article == null ? null : css(article, "content"));
    }

    /** A plain CSS selector (item, article content), checked now rather than at the first poll. */
    private static String css(ConfigNode node, String key) {
        String css = key.equals("item") ? node.requiredString(key) : node.string(key, null);
        if (css != null) {
            try {
                FieldSelector.evaluator(css);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(node.file(), node.path() + "." + key, e.getMessage(), e);
            }
        }
        return css;
    }

    /** A field selector, which may end in {@code @attribute} (see {@link FieldSelector}), checked now. */
    private static String field(ConfigNode node, String key) {
        String spec = node.string(key, null);
        if (spec != null) {
            try {
                FieldSelector.parse(spec);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(node.file(), node.path() + "." + key, e.getMessage(), e);
            }
        }
        return spec;
    }
}
