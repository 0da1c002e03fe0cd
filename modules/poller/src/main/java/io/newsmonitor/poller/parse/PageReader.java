package io.newsmonitor.poller.parse;

import io.newsmonitor.model.FeedSource;
import io.newsmonitor.poller.http.FetchResult;

/**
 * The last link of the fetch chain: what a fetched page of a source holds, read as its kind requires. The source's
 * feed or listing page by the source's type, a feed its WebSub hub pushed, an article page for its full text.
 * Thread-safe.
 */
public final class PageReader {

    private final FeedParser feedParser = new FeedParser();
    private final HtmlListingParser htmlParser = new HtmlListingParser();

    /** The items of the source's feed, or of its listing page with its selectors. */
    public ParsedFeed listing(FeedSource source, FetchResult page) throws FeedParseException {
        return source.type().isFeed() ? feedParser.parse(page.body(), page.contentType())
                : htmlParser.listing(page.body(), page.contentType(), page.url(), source.html());
    }

    /** The items of a feed a WebSub hub pushed. */
    public ParsedFeed pushed(byte[] body, String contentType) throws FeedParseException {
        return feedParser.parse(body, contentType);
    }

    /**
     * The markup of an article page's main text, with the source's content selector if it has one; {@code null} if it
     * holds no text.
     */
    public String article(FeedSource source, FetchResult page) {
        return htmlParser.articleMarkup(page.body(), page.contentType(), page.url(),
                source.html() == null ? null : source.html().articleContent());
    }
}
