package io.newsmonitor.poller.websub;

/**
 * Content a hub pushed for a source, its signature checked.
 *
 * @param sourceId    the source
 * @param body        the feed document pushed
 * @param contentType its {@code Content-Type}, or {@code null}
 */
public record Push(String sourceId, byte[] body, String contentType) {
}
