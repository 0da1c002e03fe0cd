package io.newsmonitor.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives tests a real Kafka broker as a {@link KafkaBroker} parameter:
 * <ol>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} set: that cluster;</li>
 *   <li>else, a Docker engine available: a Testcontainers Kafka container;</li>
 *   <li>else: an in-process KRaft broker ({@code KafkaClusterTestKit}).</li>
 * </ol>
 * One broker serves every test class of a test run (it is started on first use and stopped when the run ends), so
 * tests must keep apart by topic names: {@link TestTopics#uniquePrefix(String)} gives each its own.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);
    private static final String KEY = KafkaBroker.class.getName();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> new ClosingBroker(startBroker()), ClosingBroker.class)
                .broker();
    }

    /** Picks and starts a broker as the class comment says (also for benchmarks, outside JUnit). */
    public static KafkaBroker startBroker() {
        long start = System.nanoTime();
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        KafkaBroker broker;
        if (external != null && !external.isBlank()) {
            broker = new ExternalBroker(external.trim());
        } else if (ContainerBroker.dockerAvailable()) {
            broker = ContainerBroker.start();
        } else {
            broker = InProcessBroker.start();
        }
        LOG.info("Kafka broker for tests: {} at {} (ready in {} ms)", broker.kind(), broker.bootstrapServers(),
                (System.nanoTime() - start) / 1_000_000);
        return broker;
    }

    /** Stops the broker when JUnit closes the root store at the end of the run. */
    private record ClosingBroker(KafkaBroker broker) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            broker.close();
        }
    }
}
