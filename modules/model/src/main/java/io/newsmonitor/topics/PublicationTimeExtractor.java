package io.newsmonitor.sink.aggregates;

import io.newsmonitor.model.ClassifiedAnnouncement;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Windows count announcements by publication time. The fetch time stands in when the source gave no date, and when
 * the date cannot be right: before 1970 (Kafka Streams would drop the record) or more than a day after the fetch (it
 * would push stream time ahead and make every later announcement late).
 */
public final class PublicationTimeExtractor implements TimestampExtractor {

    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof ClassifiedAnnouncement a && a.fetchedAt() != null) {
            Instant published = a.publishedAt();
            boolean plausible = published != null && published.toEpochMilli() >= 0
                    && !published.isAfter(a.fetchedAt().plus(FUTURE_TOLERANCE));
            return plausible ? published.toEpochMilli() : a.fetchedAt().toEpochMilli();
        }
        return record.timestamp();
    }
}
