package io.newsmonitor.topics;

/**
 * Who wrote a record of a configuration topic, in the {@value #HEADER} header. Seeding from a file tombstones what
 * the file no longer holds, but only records the file wrote ({@value #FILE}): a subscription added through the
 * command line or the API survives the next start-up. A record without the header counts as not from the file.
 */
public final class RecordOrigin {

    /** The header naming the origin. */
    public static final String HEADER = "newsmonitor-origin";
    /** Written by seeding from a configuration file. */
    public static final String FILE = "file";
    /** Written by the command line. */
    public static final String CLI = "cli";
    /** Written through the HTTP API. */
    public static final String API = "api";

    private RecordOrigin() {
    }
}
