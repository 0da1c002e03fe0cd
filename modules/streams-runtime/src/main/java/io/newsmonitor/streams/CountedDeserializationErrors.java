package io.newsmonitor.streams;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** Kafka Streams' log-and-continue for records that cannot be read (they go to the dead-letter topic), counted. */
public final class CountedDeserializationErrors extends LogAndContinueExceptionHandler {

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (deadLetters != null) {
            deadLetters.count("deserialization", context, exception);
        }
        return super.handleError(context, record, exception);
    }
}
