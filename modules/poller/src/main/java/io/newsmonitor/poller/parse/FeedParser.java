package io.newsmonitor.poller.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsmonitor.poller.normalise.Dates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0. First strictly, the way ROME is hardened: {@code SyndFeedInput} with
 * DOCTYPEs disallowed, over ROME's lenient {@link XmlReader} (charset from header, BOM or prolog; UTF-8 as the
 * fallback). When that fails on an ill-formed feed (undeclared entities, bare {@code &}, truncation, a DOCTYPE), the
 * items are recovered with jsoup's forgiving XML parser, which never expands entities nor loads anything; the result
 * is then marked {@code recovered}. Thread-safe.
 */
public final class FeedParser {

    /** Prefix of a document that is HTML, JSON or nothing at all rather than a feed. */
    private static final int SNIFF = 512;

    /**
     * @param body        the document
     * @param contentType its {@code Content-Type} header, or {@code null}
     * @throws FeedParseException when no item can be obtained: not a feed, or a feed without items
     */
    public ParsedFeed parse(byte[] body, String contentType) throws FeedParseException {
        rejectNonFeeds(body);
        ParsedFeed feed;
        try {
            feed = strict(body, contentType);
        } catch (FeedException | IOException | IllegalArgumentException | IllegalStateException e) {
            feed = LenientFeedParser.parse(decode(body, contentType), problem(e));
        }
        if (feed.items().isEmpty()) {
            throw new FeedParseException(feed.recovered() ? "malformed feed with no recoverable item ("
                    + feed.problem() + ")" : "empty feed: no items");
        }
        return feed;
    }

    private static void rejectNonFeeds(byte[] body) throws FeedParseException {
        String head = new String(body, 0, Math.min(body.length, SNIFF), StandardCharsets.ISO_8859_1)
                .replace("\u00ef\u00bb\u00bf", "").strip().toLowerCase(Locale.ROOT);
        if (head.isEmpty()) {
            throw new FeedParseException("empty document where a feed was expected");
        }
        if (head.startsWith("{") || head.startsWith("[")) {
            throw new FeedParseException("JSON document where a feed was expected");
        }
        if ((head.startsWith("<!doctype html") || head.startsWith("<html")) && !head.contains("<rss")
                && !head.contains("<feed")) {
            throw new FeedParseException("HTML page where a feed was expected");
        }
    }

    private static ParsedFeed strict(byte[] body, String contentType) throws FeedException, IOException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setPreserveWireFeed(true);
        try (Reader reader = xmlReader(body, contentType)) {
            SyndFeed feed = input.build(reader);
            List<FeedItem> items = new ArrayList<>();
            for (SyndEntry entry : feed.getEntries()) {
                items.add(item(entry));
            }
            return new ParsedFeed(items, false, null, link(feed, "hub"), link(feed, "self"), ttl(feed));
        }
    }

    private static Reader xmlReader(byte[] body, String contentType) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return contentType == null ? new XmlReader(in, true, "UTF-8")
                : new XmlReader(in, contentType, true, "UTF-8");
    }

    private static FeedItem item(SyndEntry entry) {
        StringBuilder content = new StringBuilder();
        for (SyndContent c : entry.getContents()) {
            if (c.getValue() != null) {
                content.append(c.getValue()).append('\n');
            }
        }
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        String link = entry.getLink();
        if (link == null && !entry.getLinks().isEmpty()) {
            link = entry.getLinks().get(0).getHref();
        }
        return new FeedItem(entry.getTitle(), link, entry.getUri(),
                entry.getDescription() == null ? null : entry.getDescription().getValue(),
                content.length() == 0 ? null : content.toString(),
                date == null ? null : date.toInstant());
    }

    private static String link(SyndFeed feed, String rel) {
        for (SyndLink link : feed.getLinks()) {
            if (rel.equals(link.getRel())) {
                return link.getHref();
            }
        }
        for (Element element : feed.getForeignMarkup()) {
            if ("link".equals(element.getName()) && rel.equals(element.getAttributeValue("rel"))) {
                return element.getAttributeValue("href");
            }
        }
        return null;
    }

    private static Duration ttl(SyndFeed feed) {
        WireFeed wire = feed.originalWireFeed();
        if (wire instanceof Channel channel && channel.getTtl() > 0) {
            return Duration.ofMinutes(channel.getTtl());
        }
        return null;
    }

    private static String decode(byte[] body, String contentType) {
        try (Reader reader = xmlReader(body, contentType)) {
            StringBuilder text = new StringBuilder(body.length);
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        } catch (IOException | RuntimeException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static String problem(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The forgiving path: jsoup's XML parser, no entity expansion, no loading. */
    static final class LenientFeedParser {

        private LenientFeedParser() {
        }

        static ParsedFeed parse(String xml, String strictProblem) {
            Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
            List<FeedItem> items = new ArrayList<>();
            for (org.jsoup.nodes.Element item : doc.select("item, entry")) {
                if (!item.select("item, entry").isEmpty() && item.select("> title").isEmpty()) {
                    continue;
                }
                items.add(new FeedItem(
                        childText(item, "title"),
                        link(item),
                        first(childText(item, "guid"), childText(item, "id")),
                        first(childText(item, "description"), childText(item, "summary")),
                        first(childText(item, "content|encoded"), childText(item, "content")),
                        Dates.parse(first(childText(item, "pubDate"), childText(item, "dc|date"),
                                childText(item, "published"), childText(item, "updated"),
                                childText(item, "issued"), childText(item, "modified")))));
            }
            String hub = null;
            for (org.jsoup.nodes.Element link : doc.select("link[rel=hub], atom|link[rel=hub]")) {
                hub = link.attr("href");
            }
            return new ParsedFeed(items, true, strictProblem, hub, null, null);
        }

        private static String childText(org.jsoup.nodes.Element item, String tag) {
            for (org.jsoup.nodes.Element child : item.children()) {
                if (child.tagName().equalsIgnoreCase(tag.replace('|', ':'))) {
                    String text = child.wholeText().strip();
                    return text.isEmpty() ? null : text;
                }
            }
            return null;
        }

        private static String link(org.jsoup.nodes.Element item) {
            for (org.jsoup.nodes.Element child : item.children()) {
                if (child.tagName().equals("link")) {
                    if (child.hasAttr("href")) {
                        String rel = child.attr("rel");
                        if (rel.isEmpty() || rel.equals("alternate")) {
                            return child.attr("href");
                        }
                    } else if (!child.text().isBlank()) {
                        return child.text().strip();
                    }
                }
            }
            return null;
        }

        private static String first(String... values) {
            for (String v : values) {
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
    }
}
