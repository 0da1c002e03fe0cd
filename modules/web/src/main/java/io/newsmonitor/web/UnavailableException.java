package io.newsmonitor.web;

/** What a request needs cannot be done now (the broker, the rules): HTTP 503, worth retrying later. */
final class UnavailableException extends RuntimeException {

    UnavailableException(String message) {
        super(message);
    }
}
