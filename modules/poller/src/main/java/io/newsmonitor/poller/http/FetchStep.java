package io.newsmonitor.poller.http;

/**
 * One concern of fetching a page for a source, in the manner of OkHttp's interceptors: a step may refuse the
 * request, wait before passing it on, or pass it on at once to the rest of the {@link FetchChain}.
 */
@FunctionalInterface
public interface FetchStep {

    /** Handles {@code request}, handing it on to {@code next} unless it refuses it. */
    FetchResult fetch(SourceRequest request, Chain next) throws FetchException, InterruptedException;

    /** The rest of a chain, as a step sees it. */
    @FunctionalInterface
    interface Chain {
        FetchResult proceed(SourceRequest request) throws FetchException, InterruptedException;
    }
}
