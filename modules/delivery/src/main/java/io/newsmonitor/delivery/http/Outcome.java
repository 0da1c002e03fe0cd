package io.newsmonitor.delivery.http;

import java.time.Duration;

/**
 * How one attempt to deliver an alert to a webhook ended, and so what comes next.
 *
 * @param kind       delivered, worth retrying, or not
 * @param reason     a short, bounded tag for metrics: {@code http_503}, {@code timeout}, {@code connection},
 *                   {@code unknown_host}, {@code io}, {@code address_refused}, {@code invalid_url}; {@code null} when
 *                   delivered
 * @param error      what happened, naming the address, for logs and the delivery state; {@code null} when delivered
 * @param retryAfter how long the webhook asked to be left alone ({@code Retry-After}), or {@code null}
 */
public record Outcome(Kind kind, String reason, String error, Duration retryAfter) {

    /** What an attempt's end means. */
    public enum Kind {
        /** A 2xx answer: the webhook has the alert. */
        DELIVERED,
        /** A 5xx, 408 or 429 answer, a timeout or a network error: the same request may succeed later. */
        RETRY,
        /**
         * Any other answer (4xx, a redirect, which is not followed), an address the webhook may not reach, or an
         * unusable URL: sending again would be answered the same.
         */
        PERMANENT
    }

    /** The webhook accepted the alert. */
    public static Outcome delivered() {
        return new Outcome(Kind.DELIVERED, null, null, null);
    }

    /** A failure that may pass. */
    public static Outcome retry(String reason, String error, Duration retryAfter) {
        return new Outcome(Kind.RETRY, reason, error, retryAfter);
    }

    /** A failure that will not pass by retrying. */
    public static Outcome permanent(String reason, String error) {
        return new Outcome(Kind.PERMANENT, reason, error, null);
    }

    /**
     * What an HTTP answer means: 2xx delivered; 5xx, 408 (request timeout) and 429 (too many requests) worth
     * retrying; anything else permanent.
     *
     * @param address    the webhook's address as logs may show it
     * @param retryAfter the answer's {@code Retry-After}, or {@code null}
     */
    public static Outcome ofStatus(int status, String address, Duration retryAfter) {
        if (status >= 200 && status <= 299) {
            return delivered();
        }
        String reason = "http_" + status;
        String error = address + " answered " + status;
        if (status >= 500 || status == 408 || status == 429) {
            return retry(reason, error, retryAfter);
        }
        return permanent(reason, status >= 300 && status <= 399 ? error + " (redirects are not followed)" : error);
    }

    /** Whether the webhook has the alert. */
    public boolean isDelivered() {
        return kind == Kind.DELIVERED;
    }
}
