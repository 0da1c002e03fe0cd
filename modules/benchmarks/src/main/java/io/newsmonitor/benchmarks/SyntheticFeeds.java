package io.newsmonitor.benchmarks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Deterministic RSS 2.0 feeds shaped like real press-room feeds: titles and HTML descriptions in French, English and
 * German with entities and accents, a GUID, an RFC 822 date, and full content in {@code content:encoded}.
 */
final class SyntheticFeeds {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final List<String> TITLES = List.of(
            "La France et l'Albanie présentent une feuille de route sur l'intelligence artificielle",
            "Deutsch-französischer KI-Dialog übergibt Bericht an beide Regierungen",
            "Tunisia and ITU sign a memorandum on AI skills for 5,000 young engineers",
            "Coopération franco-marocaine : un campus IA à Rabat « d'ici 2027 »",
            "EU and Japan deepen their digital partnership on trustworthy AI & semiconductors");
    private static final String PARAGRAPH = "<p>Les deux gouvernements ont signé un protocole d&#x27;accord "
            + "portant sur la formation, la recherche et les infrastructures de calcul. Die Zusammenarbeit umfasst "
            + "gemeinsame Forschungsprojekte zu künstlicher Intelligenz &amp; Datenräumen. The partners will fund "
            + "joint laboratories &ndash; with <a href=\"https://example.org/more?utm_source=rss\">details</a> "
            + "&ndash; over three years.</p>";

    private SyntheticFeeds() {
    }

    /** Feed {@code feed} with {@code items} items; item links are unique across feeds. */
    static String rss(int feed, int items) {
        StringBuilder xml = new StringBuilder(16_384).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">")
                .append("<channel><title>Press room ").append(feed).append("</title><link>https://press")
                .append(feed).append(".example.org/</link><description>Announcements</description>");
        Instant base = Instant.parse("2026-10-01T08:00:00Z");
        for (int i = 0; i < items; i++) {
            String title = TITLES.get((feed + i) % TITLES.size()).replace("&", "&amp;");
            xml.append("<item><title>").append(title).append(" (").append(feed).append('.').append(i)
                    .append(")</title><link>https://press").append(feed).append(".example.org/news/").append(i)
                    .append("?utm_medium=rss</link><guid isPermaLink=\"false\">urn:press:").append(feed).append(':')
                    .append(i).append("</guid><pubDate>").append(RFC_1123.format(base.plusSeconds(3600L * i)))
                    .append("</pubDate><description><![CDATA[").append(PARAGRAPH).append("]]></description>")
                    .append("<content:encoded><![CDATA[").append(PARAGRAPH).append(PARAGRAPH).append(PARAGRAPH)
                    .append("]]></content:encoded></item>");
        }
        return xml.append("</channel></rss>").toString();
    }
}
