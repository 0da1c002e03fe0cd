package io.newsmonitor.delivery.runtime;

import io.newsmonitor.model.Alert;
import java.time.Instant;

/**
 * An alert read from the alerts topic and not yet delivered or given up. Used on the delivery thread only.
 */
final class PendingAlert {

    private final PartitionOffsets offsets;
    private final long offset;
    private final String key;
    private final byte[] record;
    private final Alert alert;
    private final byte[] body;
    private final Instant deadline;
    private int attempts;

    /**
     * @param offsets  where its offset is tracked (the assignment of its partition it was read under)
     * @param offset   its offset
     * @param key      its record key, kept for the undelivered topic
     * @param record   its record value as read, written unchanged to the undelivered topic
     * @param alert    the alert
     * @param body     the JSON POSTed
     * @param deadline when it is given up if its webhook has not taken it
     */
    PendingAlert(PartitionOffsets offsets, long offset, String key, byte[] record, Alert alert, byte[] body,
                 Instant deadline) {
        this.offsets = offsets;
        this.offset = offset;
        this.key = key;
        this.record = record;
        this.alert = alert;
        this.body = body;
        this.deadline = deadline;
    }

    PartitionOffsets offsets() {
        return offsets;
    }

    String key() {
        return key;
    }

    byte[] record() {
        return record;
    }

    Alert alert() {
        return alert;
    }

    byte[] body() {
        return body;
    }

    Instant deadline() {
        return deadline;
    }

    /** Attempts made so far. */
    int attempts() {
        return attempts;
    }

    /** Counts one more attempt. */
    void attempted() {
        attempts++;
    }

    /** Where it was read, for logs. */
    String origin() {
        return offsets.partition() + "@" + offset;
    }

    /** Marks it done, so that the commit may pass it. */
    void done() {
        offsets.done(offset);
    }
}
