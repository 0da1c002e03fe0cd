package io.newsmonitor.testkit;

/** A cluster the environment names in {@code KAFKA_BOOTSTRAP_SERVERS}; tests never stop it. */
record ExternalBroker(String bootstrapServers) implements KafkaBroker {

    @Override
    public String kind() {
        return "external";
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
