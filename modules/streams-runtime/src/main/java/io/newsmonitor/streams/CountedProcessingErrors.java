package io.newsmonitor.streams;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/** Kafka Streams' log-and-continue for records whose processing throws (they go to the dead-letter topic), counted. */
public final class CountedProcessingErrors extends LogAndContinueProcessingExceptionHandler {

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (deadLetters != null) {
            deadLetters.count("processing", context, exception);
        }
        return super.handleError(context, record, exception);
    }
}
