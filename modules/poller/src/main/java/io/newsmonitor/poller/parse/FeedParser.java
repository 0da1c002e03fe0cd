package io.newsmonitor.poller.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0. The bytes are decoded first ({@link Charsets}: the charset ROME's lenient
 * {@code XmlReader} finds, corrected where the bytes contradict it), then parsed strictly, the way ROME is hardened:
 * {@code SyndFeedInput.build(Reader)} with DOCTYPEs disallowed. When that fails on an ill-formed feed (undeclared
 * entities, bare {@code &}, truncation, a DOCTYPE), or reads fewer items than the document opens (several channels,
 * nested items), the items are recovered with jsoup's forgiving XML parser, which never expands entities nor loads
 * anything; the result is then marked {@code recovered}. Thread-safe.
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
        String text = Charsets.decode(body, contentType);
        ParsedFeed feed;
        try {
            feed = strict(text);
            int published = itemTags(text);
            if (feed.items().size() < published) {
                // ROME read a well-formed document but missed items (several channels, nested items).
                ParsedFeed lenient = LenientFeedParser.parse(text, "strict parse found " + feed.items().size()
                        + " of " + published + " items");
                if (lenient.items().size() > feed.items().size()) {
                    feed = lenient;
                }
            }
        } catch (FeedException | IOException | IllegalArgumentException | IllegalStateException e) {
            feed = LenientFeedParser.parse(text, problem(e));
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

    private static ParsedFeed strict(String text) throws FeedException, IOException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        // No "healing" of ill-formed XML inside ROME: such a feed goes to the lenient parser and is marked recovered.
        input.setXmlHealerOn(false);
        input.setPreserveWireFeed(true);
        try (Reader reader = new StringReader(text)) {
            SyndFeed feed = input.build(reader);
            List<FeedItem> items = new ArrayList<>();
            for (SyndEntry entry : feed.getEntries()) {
                items.add(item(entry));
            }
            return new ParsedFeed(items, false, null, link(feed, "hub"), link(feed, "self"), ttl(feed), null);
        }
    }

    /**
     * How many items the document opens, by tag: {@code <item>} or {@code <entry>}, any namespace prefix. A scan
     * for {@code <}, not a regular expression: it runs over every document.
     */
    static int itemTags(String text) {
        int n = 0;
        for (int lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) {
            int name = lt + 1;
            int end = name;
            while (end < text.length() && isNameChar(text.charAt(end))) {
                end++;
            }
            int local = text.lastIndexOf(':', end - 1);
            int start = local >= name ? local + 1 : name;
            if (end < text.length() && (text.startsWith("item", start) && end - start == 4
                    || text.startsWith("entry", start) && end - start == 5)) {
                char next = text.charAt(end);
                if (next == '>' || next == '/' || Character.isWhitespace(next)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '_'
                || c == '-';
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
        for (org.jdom2.Element element : feed.getForeignMarkup()) {
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

    private static String problem(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * The forgiving path: jsoup's XML parser (tag names case-folded, so {@code </Title>} closes {@code <title>}), no
     * entity expansion, no loading. Items are found under any root, and each field is read from the item's own
     * descendants, so that an unclosed {@code <title>} that swallowed its siblings still gives the title alone.
     */
    static final class LenientFeedParser {

        private static final Set<String> FIELDS = Set.of("title", "link", "guid", "id", "description", "summary",
                "content:encoded", "content", "pubdate", "dc:date", "published", "updated", "issued", "modified",
                "author", "dc:creator", "category", "comments", "source", "enclosure");

        private LenientFeedParser() {
        }

        static ParsedFeed parse(String xml, String strictProblem) {
            Document doc = Jsoup.parse(xml, "", Parser.xmlParser().settings(ParseSettings.htmlDefault));
            List<FeedItem> items = new ArrayList<>();
            for (Element item : doc.select("item, entry")) {
                items.add(new FeedItem(
                        text(item, "title"),
                        link(item),
                        first(text(item, "guid"), text(item, "id")),
                        first(text(item, "description"), text(item, "summary")),
                        first(text(item, "content:encoded"), text(item, "content")),
                        Dates.parse(first(text(item, "pubdate"), text(item, "dc:date"), text(item, "published"),
                                text(item, "updated"), text(item, "issued"), text(item, "modified")))));
            }
            String hub = null;
            for (Element link : doc.select("link[rel=hub], atom|link[rel=hub]")) {
                hub = link.attr("href");
            }
            return new ParsedFeed(items, true, strictProblem, hub, null, null, null);
        }

        /** The first descendant with this tag whose item is {@code item} itself (not a nested one). */
        private static Element field(Element item, String tag) {
            for (Element e : item.getElementsByTag(tag)) {
                if (owner(e) == item) {
                    return e;
                }
            }
            return null;
        }

        private static Element owner(Element e) {
            for (Element p = e.parent(); p != null; p = p.parent()) {
                if (p.tagName().equals("item") || p.tagName().equals("entry")) {
                    return p;
                }
            }
            return null;
        }

        /** A field's text without the other fields or items it may have swallowed; {@code null} when blank. */
        private static String text(Element item, String tag) {
            Element e = field(item, tag);
            if (e == null) {
                return null;
            }
            Element own = e.clone();
            own.getAllElements().stream().skip(1)
                    .filter(d -> FIELDS.contains(d.tagName()) || d.tagName().equals("item")
                            || d.tagName().equals("entry"))
                    .toList().forEach(Element::remove);
            String text = own.wholeText().strip();
            return text.isEmpty() ? null : text;
        }

        private static String link(Element item) {
            for (Element link : item.getElementsByTag("link")) {
                if (owner(link) != item) {
                    continue;
                }
                if (link.hasAttr("href")) {
                    String rel = link.attr("rel");
                    if (rel.isEmpty() || rel.equals("alternate")) {
                        return link.attr("href");
                    }
                } else {
                    String text = text(item, "link");
                    if (text != null) {
                        return text;
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
