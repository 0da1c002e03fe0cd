package io.newsmonitor.model;

/**
 * jsoup CSS selectors of an HTML source.
 *
 * @param item           selects each announcement on the listing page
 * @param link           within an item, the element whose {@code href} is the article's address
 * @param title          within an item, the title
 * @param date           within an item, the date (a {@code datetime} attribute, or text in fr/en/de)
 * @param summary        within an item, the summary, or {@code null}
 * @param articleContent on an article page, the main content, or {@code null} to keep the listing's text
 */
public record HtmlSelectors(String item, String link, String title, String date, String summary,
                            String articleContent) {
}
