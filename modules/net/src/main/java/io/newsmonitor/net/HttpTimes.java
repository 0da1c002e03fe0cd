package io.newsmonitor.net;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Times in HTTP headers, read as RFC 9110 writes them: dates ({@code Expires}) and {@code Retry-After}. */
public final class HttpTimes {

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
     * How long a {@code Retry-After} value asks to wait: whole seconds, or until an HTTP date. Empty when the header
     * is absent ({@code null}), unreadable, or a date already past.
     *
     * @param now the time the answer came
     */
    public static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        return date(v).map(at -> Duration.between(now, at)).filter(d -> !d.isNegative());
    }
}
