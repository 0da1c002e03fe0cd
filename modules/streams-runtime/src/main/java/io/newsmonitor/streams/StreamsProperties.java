package io.newsmonitor.streams;

import io.newsmonitor.config.KafkaConfig;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams properties every role that runs Streams uses: exactly-once ({@code exactly_once_v2}), and records
 * that cannot be read or processed sent, as they were, to the dead-letter topic with headers naming the error and
 * their origin (Kafka Streams' own handlers, KIP-1034, counted by {@link DeadLetters}), so that processing goes on.
 */
public final class StreamsProperties {

    private StreamsProperties() {
    }

    /**
     * @param applicationId   the application id (consumer group, internal topic prefix)
     * @param threads         stream threads
     * @param stateDir        where RocksDB state lives
     * @param commitInterval  how often a transaction is committed: output is visible to {@code read_committed}
     *                        readers only then, and every commit costs the broker a marker per partition written
     * @param kafka           the cluster and client properties
     * @param deadLetterTopic where unreadable records go
     */
    public static Properties exactlyOnce(String applicationId, int threads, String stateDir, Duration commitInterval,
                                         KafkaConfig kafka, String deadLetterTopic) {
        Properties props = new Properties();
        props.putAll(kafka.commonProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, CountedDeserializationErrors.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                CountedProcessingErrors.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
        return props;
    }
}
