package io.newsmonitor.poller.http;

import java.net.URI;
import java.time.Duration;

/**
 * What a fetch brought back.
 *
 * @param url          the final URL, after redirects
 * @param notModified  {@code true} on a 304 answer to a conditional request (then {@code body} is empty)
 * @param body         the decoded (decompressed) body, at most the configured cap
 * @param contentType  the {@code Content-Type} header, or {@code null}
 * @param etag         the {@code ETag} header, or {@code null}
 * @param lastModified the {@code Last-Modified} header, or {@code null}
 * @param freshFor     how long the server says the answer stays fresh ({@code Cache-Control: max-age} or
 *                     {@code Expires}), or {@code null}
 */
public record FetchResult(URI url, boolean notModified, byte[] body, String contentType, String etag,
                          String lastModified, Duration freshFor) {
}
