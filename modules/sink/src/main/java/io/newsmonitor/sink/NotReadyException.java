package io.newsmonitor.sink;

/**
 * A query reached a sink instance whose stores cannot answer yet: it is starting, restoring its state or rebalancing
 * (or shutting down). Retriable: the same query succeeds once the instance runs; an HTTP layer answers 503.
 */
public final class NotReadyException extends RuntimeException {

    public NotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}
