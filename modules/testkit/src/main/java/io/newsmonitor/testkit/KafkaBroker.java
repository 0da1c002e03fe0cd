package io.newsmonitor.testkit;

/**
 * A real Kafka broker that tests talk to: an existing cluster, a Testcontainers container, or an in-process KRaft
 * broker, whichever {@link KafkaBrokerExtension} found available.
 */
public interface KafkaBroker extends AutoCloseable {

    /** {@code host:port} list for clients. */
    String bootstrapServers();

    /** Which kind of broker this is, for test logs: {@code external}, {@code testcontainers} or {@code in-process}. */
    String kind();

    /** Stops the broker (a no-op for an external cluster). */
    @Override
    void close();
}
