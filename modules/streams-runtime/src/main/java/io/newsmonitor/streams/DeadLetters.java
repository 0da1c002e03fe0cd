package io.newsmonitor.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Counts the records a role sends to the dead-letter topic, as {@code newsmonitor_dead_letters_total} tagged with the
 * role, the stage that failed ({@code deserialization} or {@code processing}), the input topic and the error's class.
 *
 * <p>Kafka Streams creates its exception handlers itself, from class names; it hands them the properties the
 * application was started with, so the role puts its counter there under {@link #CONFIG}.
 */
public final class DeadLetters {

    /** The Streams property that carries this counter to the exception handlers. */
    public static final String CONFIG = "newsmonitor.dead.letters";

    private final MeterRegistry registry;
    private final String role;

    public DeadLetters(MeterRegistry registry, String role) {
        this.registry = registry;
        this.role = role;
    }

    /** The counter in {@code configs}, or {@code null} when the application was started without one (a test driver). */
    static DeadLetters from(Map<String, ?> configs) {
        return configs.get(CONFIG) instanceof DeadLetters d ? d : null;
    }

    void count(String stage, ErrorHandlerContext context, Exception error) {
        Counter.builder("newsmonitor.dead.letters")
                .description("Records sent to the dead-letter topic because they could not be read or processed")
                .tag("role", role).tag("stage", stage)
                .tag("topic", context.topic() == null ? "" : context.topic())
                .tag("error", error.getClass().getSimpleName())
                .register(registry).increment();
    }
}
