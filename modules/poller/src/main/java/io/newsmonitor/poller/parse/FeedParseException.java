package io.newsmonitor.poller.parse;

/** A document from which no item can be obtained: not a feed, empty, or refused as hostile. */
public final class FeedParseException extends Exception {

    public FeedParseException(String message) {
        super(message);
    }
}
