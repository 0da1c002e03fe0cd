package io.newsmonitor.poller.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates that feeds and press-room pages write: ISO-8601 (with or without zone or time), RFC 822 and its
 * common variants (two-digit years, zone names, no weekday), day-month-year dates with French, German, English or
 * Albanian month names ({@code 10 février 2026}, {@code 10. Februar 2026}, {@code February 10, 2026},
 * {@code 19 Shkurt 2026}), and numeric day.month.year dates ({@code 07.05.2026}). The date may stand inside other
 * text ({@code Postuar më: 19 Shkurt 2026}, {@code 07.05.2026, Pressemitteilung}). Month names are matched without
 * case or accents ({@code Nëntor} is {@code nentor}). Dates without a zone are taken as UTC. Unreadable text gives
 * {@code null}, never "now".
 */
public final class Dates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("janvier", 1), Map.entry("fevrier", 2), Map.entry("mars", 3), Map.entry("avril", 4),
            Map.entry("mai", 5), Map.entry("juin", 6), Map.entry("juillet", 7), Map.entry("aout", 8),
            Map.entry("septembre", 9), Map.entry("octobre", 10), Map.entry("novembre", 11),
            Map.entry("decembre", 12),
            Map.entry("januar", 1), Map.entry("janner", 1), Map.entry("februar", 2), Map.entry("marz", 3),
            Map.entry("april", 4), Map.entry("juni", 6), Map.entry("juli", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("oktober", 10), Map.entry("november", 11),
            Map.entry("dezember", 12),
            Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("may", 5),
            Map.entry("june", 6), Map.entry("july", 7), Map.entry("october", 10), Map.entry("december", 12),
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("fev", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("avr", 4), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("juil", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10),
            Map.entry("okt", 10), Map.entry("nov", 11), Map.entry("dec", 12), Map.entry("dez", 12),
            // Albanian ("mars" and "maj" are shared with French and the abbreviations); abbreviations as written in
            // Albanian date lines: Shk, Pri, Qer, Kor, Gus, Sht, Tet, Nën, Dhj.
            Map.entry("janar", 1), Map.entry("shkurt", 2), Map.entry("prill", 4), Map.entry("maj", 5),
            Map.entry("qershor", 6), Map.entry("korrik", 7), Map.entry("gusht", 8), Map.entry("shtator", 9),
            Map.entry("tetor", 10), Map.entry("nentor", 11), Map.entry("dhjetor", 12),
            Map.entry("shk", 2), Map.entry("pri", 4), Map.entry("qer", 6), Map.entry("kor", 7), Map.entry("gus", 8),
            Map.entry("sht", 9), Map.entry("tet", 10), Map.entry("nen", 11), Map.entry("dhj", 12));

    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("(\\d{1,2})(?:er)?\\.?\\s+([a-z]+)\\.?\\s+(\\d{4})(?:[^\\d]+(\\d{1,2})[:h](\\d{2}))?");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("([a-z]+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})");
    private static final Pattern NUMERIC_DMY = Pattern.compile("(\\d{1,2})[./](\\d{1,2})[./](\\d{4})");

    private static final DateTimeFormatter RFC_822 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .optionalStart().appendPattern("EEE, ").optionalEnd()
            .appendPattern("d MMM ")
            .appendValueReduced(ChronoField.YEAR, 2, 4, 1970)
            .appendPattern(" HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HHMM", "GMT").optionalEnd()
            .optionalStart().appendZoneText(java.time.format.TextStyle.SHORT).optionalEnd()
            .toFormatter(Locale.ENGLISH);

    private static final List<DateTimeFormatter> ISO = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_ZONED_DATE_TIME);

    private Dates() {
    }

    /** The instant the text denotes, or {@code null} when it cannot be read. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim().replaceAll("\\s+", " ");
        Instant iso = iso(trimmed);
        if (iso != null) {
            return iso;
        }
        Instant rfc = rfc822(trimmed);
        return rfc != null ? rfc : withMonthNames(trimmed);
    }

    private static Instant iso(String text) {
        for (DateTimeFormatter f : ISO) {
            try {
                return OffsetDateTime.parse(text, f).toInstant();
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text).atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant rfc822(String text) {
        String cleaned = text.replace(" UT", " GMT").replace(" Z", " GMT");
        try {
            return ZonedDateTime.parse(cleaned, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            var parsed = RFC_822.parseBest(cleaned, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof ZonedDateTime z) {
                return z.toInstant();
            }
            if (parsed instanceof OffsetDateTime o) {
                return o.toInstant();
            }
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant withMonthNames(String text) {
        String folded = java.text.Normalizer.normalize(text.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        // Every candidate is tried, not only the first: in "Heft 4 aus 2026 – 3. März 2026" the words "4 aus 2026"
        // look like a date without being one, and must not hide the date that follows.
        Matcher m = DAY_MONTH_YEAR.matcher(folded);
        while (m.find()) {
            if (MONTHS.containsKey(m.group(2))) {
                return at(Integer.parseInt(m.group(3)), MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)),
                        m.group(4), m.group(5));
            }
        }
        m = MONTH_DAY_YEAR.matcher(folded);
        while (m.find()) {
            if (MONTHS.containsKey(m.group(1))) {
                return at(Integer.parseInt(m.group(3)), MONTHS.get(m.group(1)), Integer.parseInt(m.group(2)), null,
                        null);
            }
        }
        m = NUMERIC_DMY.matcher(folded);
        if (m.find()) {
            return at(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)),
                    null, null);
        }
        return null;
    }

    private static Instant at(int year, int month, int day, String hour, String minute) {
        try {
            LocalDateTime time = LocalDate.of(year, month, day).atStartOfDay();
            if (hour != null) {
                time = time.withHour(Integer.parseInt(hour)).withMinute(Integer.parseInt(minute));
            }
            return time.toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
