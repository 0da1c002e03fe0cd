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
     * The longest {@code Retry-After} read, about 31 years: a longer one (a server's "never") stays far from
     * overflowing an {@link Instant}; each caller caps what it honours (the poller at a source's longest interval, the
     * deliverer at its give-up time).
     */
    public static final long MAX_SECONDS = 999_999_999L;

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
        long seconds = seconds(v);
        if (seconds >= 0) {
            return Optional.of(Duration.ofSeconds(seconds));
        }
        return date(v).map(at -> Duration.between(now, at)).filter(d -> !d.isNegative());
    }

    /**
     * The whole seconds {@code value} says, at most {@link #MAX_SECONDS}, or -1 when it is not ASCII digits only.
     * Digits of any length are read, leading zeros included.
     */
    static long seconds(String value) {
        if (value.isEmpty()) {
            return -1;
        }
        long seconds = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            seconds = Math.min(seconds * 10 + (c - '0'), MAX_SECONDS);
        }
        return seconds;
    }
}
