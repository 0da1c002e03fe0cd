package io.newsmonitor.processor.dedup;

/**
 * What an exact key (URL, GUID, normalised text) points at: the first announcement that had it, its story and its
 * event time. Kept apart from the announcement's signature, which is forgotten much sooner, so that a URL seen again
 * months later is still recognised without the signature's kilobytes.
 *
 * @param id        the first announcement's id
 * @param storyId   its story
 * @param eventTime its event time, epoch milliseconds
 */
record ExactEntry(String id, String storyId, long eventTime) {

    private static final char SEPARATOR = ' ';

    /** The store value: {@code id storyId eventTime} (ids hold no spaces). */
    String format() {
        return id + SEPARATOR + storyId + SEPARATOR + eventTime;
    }

    /**
     * The entry of a store value, or {@code null} for none. A value written before entries carried story and time
     * (a bare id) reads as its own story, dated at the epoch: it still matches, and the next purge forgets it.
     */
    static ExactEntry parse(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(String.valueOf(SEPARATOR));
        if (parts.length != 3) {
            return new ExactEntry(value, value, 0);
        }
        try {
            return new ExactEntry(parts[0], parts[1], Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return new ExactEntry(parts[0], parts[1], 0);
        }
    }
}
