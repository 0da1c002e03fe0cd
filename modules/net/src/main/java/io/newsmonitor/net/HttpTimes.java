package io.newsmonitor.net;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Times in HTTP headers, read as RFC 9110 writes them: dates ({@code Expires}) and {@code Retry-After}. */
public final class HttpTimes {

    /**
     * The longest {@code Retry-After} read, about 31 years: a longer one (a server's "never") means the same to every
     * schedule, which caps it at its own maximum, and stays far from overflowing an {@link Instant}.
     */
    public static final long MAX_SECONDS = 999_999_999L;
    private static final int MAX_SECONDS_DIGITS = 18;

    private HttpTimes() {
    }

    /** An HTTP date ({@code Sun, 06 Nov 1994 08:49:37 GMT}); empty when {@code value} is not one. */
    public static Optional<Instant> date(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * How long a {@code Retry-After} value asks to wait: whole seconds (at most {@link #MAX_SECONDS}), or until an
     * HTTP date. Empty when the header is absent ({@code null}), unreadable, or a date already past.
     *
     * @param now the time the answer came
     */
    public static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (isWholeSeconds(v)) {
            return Optional.of(Duration.ofSeconds(v.length() > MAX_SECONDS_DIGITS ? MAX_SECONDS
                    : Math.min(Long.parseLong(v), MAX_SECONDS)));
        }
        return date(v).map(at -> Duration.between(now, at)).filter(d -> !d.isNegative());
    }

    /** Whether {@code value} is a {@code Retry-After} in seconds: ASCII digits only, of any length. */
    static boolean isWholeSeconds(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
