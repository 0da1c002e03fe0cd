package io.newsmonitor.sink.aggregates;

import io.newsmonitor.model.ClassifiedAnnouncement;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Windows count announcements by publication time, or fetch time when the source gave no date. */
public final class PublicationTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof ClassifiedAnnouncement a) {
            if (a.publishedAt() != null) {
                return a.publishedAt().toEpochMilli();
            }
            if (a.fetchedAt() != null) {
                return a.fetchedAt().toEpochMilli();
            }
        }
        return record.timestamp();
    }
}
