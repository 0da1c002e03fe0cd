package io.newsmonitor.poller.parse;

import io.newsmonitor.model.HtmlSelectors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads press-room listing pages and article pages with the jsoup CSS selectors a source is configured with. The
 * field selectors may end in {@code @attribute} to read an attribute instead of the text (see {@link FieldSelector}).
 */
public final class HtmlListingParser {

    private static final FieldSelector FIRST_LINK = FieldSelector.parse("a[href]");

    /**
     * The announcements listed on a page, with what each selector found ({@link ParsedFeed#selectorHits()}).
     *
     * @throws FeedParseException when the item selector matches nothing (the page changed, or is an error page)
     */
    public ParsedFeed listing(byte[] body, String contentType, URI url, HtmlSelectors selectors)
            throws FeedParseException {
        Document doc = document(body, contentType, url);
        FieldSelector link = selectors.link() == null ? FIRST_LINK : FieldSelector.parse(selectors.link());
        FieldSelector title = optional(selectors.title());
        FieldSelector date = optional(selectors.date());
        FieldSelector summary = optional(selectors.summary());
        List<FeedItem> items = new ArrayList<>();
        int links = 0;
        int titles = 0;
        int dates = 0;
        int datesRead = 0;
        int summaries = 0;
        for (Element item : doc.select(selectors.item())) {
            String href = link(item, link);
            String titleText = title == null ? null : title.value(item);
            DateHit dateHit = date(item, date);
            String summaryText = summary == null ? null : summary.value(item);
            items.add(new FeedItem(titleText, href, null, summaryText, null, dateHit.instant()));
            links += href == null ? 0 : 1;
            titles += titleText == null ? 0 : 1;
            dates += dateHit.matched() ? 1 : 0;
            datesRead += dateHit.instant() == null ? 0 : 1;
            summaries += summaryText == null ? 0 : 1;
        }
        if (items.isEmpty()) {
            throw new FeedParseException("no item matches selector '" + selectors.item() + "' on the listing page");
        }
        return new ParsedFeed(items, false, null, null, null, null,
                new SelectorHits(items.size(), links, titles, dates, datesRead, summaries));
    }

    /**
     * The markup of an article page's main text: the configured content selector, else the page's {@code article}
     * or {@code main} element, else its body without navigation, header, footer and asides. Markup rather than text,
     * so that its paragraphs survive into the announcement. {@code null} when it holds no text.
     */
    public String articleMarkup(byte[] body, String contentType, URI url, String contentSelector) {
        Document doc = document(body, contentType, url);
        doc.select("script, style, noscript, nav, header, footer, aside, form, template").remove();
        Element content = contentSelector == null ? null : doc.selectFirst(contentSelector);
        if (content == null) {
            content = doc.selectFirst("article, main, [role=main]");
        }
        if (content == null) {
            content = doc.body();
        }
        return content == null || content.text().isBlank() ? null : content.html();
    }

    private static Document document(byte[] body, String contentType, URI url) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset(contentType), url.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an in-memory page", e);
        }
    }

    /** The charset parameter of a content type, or {@code null} to let jsoup detect it (BOM, meta tag, UTF-8). */
    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=")) {
                String name = p.substring(8).replace("\"", "").strip();
                return Charset.isSupported(name) ? name : null;
            }
        }
        return null;
    }

    private static FieldSelector optional(String spec) {
        return spec == null ? null : FieldSelector.parse(spec);
    }

    /**
     * The article's address: the named attribute resolved against the page, or without one the element's
     * {@code href}, else its text (for markup that writes the address as text).
     */
    private static String link(Element item, FieldSelector selector) {
        for (Element e : selector.elements(item)) {
            String name = selector.attribute() != null ? selector.attribute() : e.hasAttr("href") ? "href" : null;
            String value = name == null ? e.text() : e.absUrl(name).isEmpty() ? e.attr(name) : e.absUrl(name);
            if (!value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** Whether the date selector matched an element with a value, and the first such value that reads as a date. */
    private record DateHit(boolean matched, Instant instant) {
    }

    /**
     * The first date the matched elements give: the named attribute, or without one the {@code datetime} attribute,
     * else the text.
     */
    private static DateHit date(Element item, FieldSelector selector) {
        if (selector == null) {
            return new DateHit(false, null);
        }
        boolean matched = false;
        for (Element e : selector.elements(item)) {
            List<String> candidates = selector.attribute() != null ? List.of(e.attr(selector.attribute()))
                    : List.of(e.attr("datetime"), e.text());
            for (String candidate : candidates) {
                if (candidate.isBlank()) {
                    continue;
                }
                matched = true;
                Instant instant = Dates.parse(candidate);
                if (instant != null) {
                    return new DateHit(true, instant);
                }
            }
        }
        return new DateHit(matched, null);
    }
}
