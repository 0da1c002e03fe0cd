package io.newsmonitor.samples;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * RSS 2.0 and Atom documents of corpus items, as a press room's feed writes them: title, link, GUID or Atom id,
 * publication date, the summary, and the full text as HTML with one {@code <p>} per paragraph (paragraphs are
 * separated by a blank line in the corpus). The demo's sample server and the live-path quality test serve them.
 */
public final class FeedDocuments {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private FeedDocuments() {
    }

    /**
     * An RSS 2.0 feed.
     *
     * @param title       the channel's title
     * @param link        the channel's link
     * @param newestFirst its items
     */
    public static String rss(String title, String link, List<SampleAnnouncement> newestFirst) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<link>").append(escape(link)).append("</link><description>Sample source")
                .append("</description>");
        for (SampleAnnouncement a : newestFirst) {
            xml.append("<item><title>").append(escape(a.title())).append("</title><link>").append(escape(a.url()))
                    .append("</link><guid isPermaLink=\"false\">urn:newsmonitor:sample:").append(a.id())
                    .append("</guid><pubDate>").append(RFC_1123.format(a.publishedAt())).append("</pubDate>")
                    .append("<description>").append(escape(a.summary())).append("</description>")
                    .append("<content:encoded>").append(escape(paragraphs(a.content()))).append("</content:encoded>")
                    .append("</item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    /**
     * An Atom feed.
     *
     * @param title       the feed's title
     * @param id          the feed's id (a URN)
     * @param newestFirst its entries
     */
    public static String atom(String title, String id, List<SampleAnnouncement> newestFirst) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed "
                + "xmlns=\"http://www.w3.org/2005/Atom\"><title>").append(escape(title))
                .append("</title><id>").append(escape(id)).append("</id><updated>")
                .append(newestFirst.isEmpty() ? "2025-01-01T00:00:00Z" : newestFirst.get(0).publishedAt())
                .append("</updated>");
        for (SampleAnnouncement a : newestFirst) {
            xml.append("<entry><title>").append(escape(a.title())).append("</title><link rel=\"alternate\" href=\"")
                    .append(escape(a.url())).append("\"/><id>urn:newsmonitor:sample:").append(a.id())
                    .append("</id><published>").append(a.publishedAt()).append("</published><updated>")
                    .append(a.publishedAt()).append("</updated><summary>").append(escape(a.summary()))
                    .append("</summary><content type=\"html\">").append(escape(paragraphs(a.content())))
                    .append("</content></entry>");
        }
        return xml.append("</feed>").toString();
    }

    /** The text as HTML: one {@code <p>} per paragraph. */
    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String p : text.split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                html.append("<p>").append(escape(p.strip())).append("</p>");
            }
        }
        return html.toString();
    }

    /** The text escaped for XML and HTML content and attribute values; {@code null} is empty. */
    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
