package io.newsmonitor.streams;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ClassifiedAnnouncement;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The event time of an announcement, raw or classified: its publication time, so that windows count announcements by
 * the day they were published, and the deduplicator's and the alerts' memories age by it, whatever the wall clock
 * says (a replay, a backlog after an outage).
 *
 * <p>The record's own timestamp (when the poller wrote it) bounds it: an item dated ahead of its fetch (a press room
 * that prints Paris time as UTC is three hours "ahead" every day) counts at its fetch time. Kafka Streams writes this
 * time on every repartition, changelog and output record, and the broker refuses timestamps more than
 * {@code message.timestamp.after.max.ms} (an hour) ahead, which would stop the sink. The fetch time stands in when
 * the source gave no date, or one before 1970 (Kafka Streams would drop the record).
 */
public final class PublicationTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long written = record.timestamp() >= 0 ? record.timestamp() : partitionTime;
        if (record.value() instanceof ClassifiedAnnouncement a) {
            return eventTime(a.publishedAt(), a.fetchedAt(), written);
        }
        if (record.value() instanceof Announcement a) {
            return eventTime(a.publishedAt(), a.fetchedAt(), written);
        }
        return written;
    }

    /** The publication time, else the fetch time, else the record's; never later than the record's own time. */
    public static long eventTime(Instant publishedAt, Instant fetchedAt, long written) {
        Instant known = publishedAt != null && publishedAt.toEpochMilli() >= 0 ? publishedAt : fetchedAt;
        long eventTime = known != null && known.toEpochMilli() >= 0 ? known.toEpochMilli() : written;
        return written >= 0 ? Math.min(eventTime, written) : eventTime;
    }
}
