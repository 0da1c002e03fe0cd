package io.newsmonitor.sink.query;

/**
 * Store keys that sort by time: epoch milliseconds as 19 zero-padded digits, so that the byte order of the stores
 * (RocksDB compares bytes) is the time order, and a range of keys is a range of time.
 */
final class TimeKeys {

    /** Digits of every time in a key ({@link Long#MAX_VALUE} has 19). */
    static final int DIGITS = 19;

    private TimeKeys() {
    }

    /** The sortable form of a time; times before 1970 sort as 1970. */
    static String of(long epochMillis) {
        String digits = Long.toString(Math.max(0, epochMillis));
        return "0".repeat(DIGITS - digits.length()) + digits;
    }

    /** The time written at {@code offset} of a key. */
    static long parse(String key, int offset) {
        return Long.parseLong(key, offset, offset + DIGITS, 10);
    }
}
