package io.newsmonitor.poller.parse;

import io.newsmonitor.model.HtmlSelectors;
import io.newsmonitor.poller.normalise.Dates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads press-room listing pages and article pages with the jsoup CSS selectors a source is configured with. */
public final class HtmlListingParser {

    /**
     * The announcements listed on a page.
     *
     * @throws FeedParseException when the item selector matches nothing (the page changed, or is an error page)
     */
    public ParsedFeed listing(byte[] body, String contentType, URI url, HtmlSelectors selectors)
            throws FeedParseException {
        Document doc = document(body, contentType, url);
        List<FeedItem> items = new ArrayList<>();
        for (Element item : doc.select(selectors.item())) {
            Element link = selectors.link() == null ? item.selectFirst("a[href]") : item.selectFirst(selectors.link());
            String href = link == null ? null : link.hasAttr("href") ? link.absUrl("href") : link.text();
            items.add(new FeedItem(text(item, selectors.title()), href, null, text(item, selectors.summary()), null,
                    date(item, selectors.date())));
        }
        if (items.isEmpty()) {
            throw new FeedParseException("no item matches selector '" + selectors.item() + "' on the listing page");
        }
        return new ParsedFeed(items, false, null, null, null, null);
    }

    /**
     * The main text of an article page: the configured content selector, else the page's {@code article} or
     * {@code main} element, else its body without navigation, header, footer and asides. {@code null} when empty.
     */
    public String articleText(byte[] body, String contentType, URI url, String contentSelector) {
        Document doc = document(body, contentType, url);
        doc.select("script, style, noscript, nav, header, footer, aside, form, template").remove();
        Element content = contentSelector == null ? null : doc.selectFirst(contentSelector);
        if (content == null) {
            content = doc.selectFirst("article, main, [role=main]");
        }
        if (content == null) {
            content = doc.body();
        }
        String text = content == null ? "" : content.text().strip();
        return text.isEmpty() ? null : text;
    }

    private static Document document(byte[] body, String contentType, URI url) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset(contentType), url.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read an in-memory page", e);
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
                return java.nio.charset.Charset.isSupported(name) ? name : null;
            }
        }
        return null;
    }

    private static String text(Element item, String selector) {
        if (selector == null) {
            return null;
        }
        Element e = item.selectFirst(selector);
        return e == null ? null : e.text();
    }

    private static java.time.Instant date(Element item, String selector) {
        if (selector == null) {
            return null;
        }
        Element e = item.selectFirst(selector);
        if (e == null) {
            return null;
        }
        java.time.Instant fromAttribute = e.hasAttr("datetime") ? Dates.parse(e.attr("datetime")) : null;
        return fromAttribute != null ? fromAttribute : Dates.parse(e.text());
    }
}
