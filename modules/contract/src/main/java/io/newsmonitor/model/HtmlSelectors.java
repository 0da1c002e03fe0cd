package io.newsmonitor.model;

/**
 * jsoup CSS selectors of an HTML source. The four field selectors ({@code link}, {@code title}, {@code date},
 * {@code summary}) read the first matching element that has a value, and may end in {@code @attribute} to read that
 * attribute instead of the text ({@code a.teaser-link@title}; {@code @data-date} alone reads the item element's own
 * attribute). The poller's {@code FieldSelector} implements that syntax.
 *
 * @param item           selects each announcement on the listing page
 * @param link           within an item, the element whose {@code href} (or named attribute) is the article's address;
 *                       {@code null} for the first {@code a[href]}
 * @param title          within an item, the title
 * @param date           within an item, the date: a {@code datetime} attribute, else the text (ISO-8601, RFC 822,
 *                       dd.mm.yyyy, or a day-month-year date in fr/en/de/sq, also within other text)
 * @param summary        within an item, the summary, or {@code null}
 * @param articleContent on an article page, the main content, or {@code null} to keep the listing's text
 */
public record HtmlSelectors(String item, String link, String title, String date, String summary,
                            String articleContent) {
}
