package io.newsmonitor.poller.http;

import java.time.Duration;

/**
 * How the poller behaves on HTTP.
 *
 * @param userAgent      the {@code User-Agent} sent, naming the tool and where to learn about it
 * @param connectTimeout longest wait for a connection
 * @param totalTimeout   longest time for a whole exchange, body included (a server that stalls is cut off)
 * @param maxBodyBytes   largest body read, after decompression; a larger or endless body is cut off
 * @param maxRedirects   most redirects followed
 */
public record HttpSettings(String userAgent, Duration connectTimeout, Duration totalTimeout, long maxBodyBytes,
                           int maxRedirects) {
}
