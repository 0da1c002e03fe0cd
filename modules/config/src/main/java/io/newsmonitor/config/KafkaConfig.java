package io.newsmonitor.config;

import io.newsmonitor.topics.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How every role reaches Kafka: the cluster, the topic contract's prefix and sizes, and client properties (TLS, SASL)
 * passed to every client it creates.
 *
 * @param bootstrapServers  {@code host:port[,host:port...]}
 * @param topicPrefix       prefix of every topic name
 * @param partitions        partitions of each topic created
 * @param replicationFactor replication factor of each topic created
 * @param clientProperties  extra properties given to every producer, consumer, admin client and Streams instance
 */
public record KafkaConfig(String bootstrapServers, String topicPrefix, int partitions, short replicationFactor,
                          Map<String, String> clientProperties) {

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.string("kafka.bootstrapServers",
                    "localhost:9092", "Kafka cluster to use, host:port[,host:port...]")
            .withRule(s -> s.matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*"), "host:port[,host:port...]");
    public static final Setting<String> TOPIC_PREFIX = Setting.string("kafka.topicPrefix", "newsmonitor",
                    "Prefix of every topic name, so that several deployments can share a cluster")
            .withRule(s -> s.matches("[a-zA-Z0-9._-]{1,200}"), "letters, digits, '.', '_' or '-'");
    public static final Setting<Integer> PARTITIONS = Setting.integer("kafka.partitions", 6,
                    "Partitions of each topic created at start-up; the most instances of one role that share work")
            .withRule(n -> n >= 1, "at least 1");
    public static final Setting<Integer> REPLICATION_FACTOR = Setting.integer("kafka.replicationFactor", 1,
                    "Replication factor of each topic created at start-up (3 on a production cluster)")
            .withRule(n -> n >= 1 && n <= Short.MAX_VALUE, "between 1 and 32767");
    public static final Setting<String> CLIENT_CONFIG = Setting.string("kafka.clientConfig", null,
            "A Java properties file of client settings (TLS, SASL) given to every Kafka client");

    /** Every setting of this section. */
    public static final List<Setting<?>> SETTINGS = List.of(BOOTSTRAP_SERVERS, TOPIC_PREFIX, PARTITIONS,
            REPLICATION_FACTOR, CLIENT_CONFIG);

    public KafkaConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        clientProperties = Map.copyOf(clientProperties);
    }

    /**
     * The Kafka section of the settings, with command-line overrides where given ({@code null} for none).
     *
     * @throws ConfigException when the client properties file cannot be read
     */
    public static KafkaConfig from(Settings settings, String bootstrapOverride, Path clientConfigOverride) {
        String clientConfig = clientConfigOverride != null ? clientConfigOverride.toString()
                : settings.get(CLIENT_CONFIG);
        return new KafkaConfig(settings.get(BOOTSTRAP_SERVERS, bootstrapOverride), settings.get(TOPIC_PREFIX),
                settings.get(PARTITIONS), settings.get(REPLICATION_FACTOR).shortValue(),
                clientConfig == null ? Map.of() : readProperties(Path.of(clientConfig)));
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), null, "cannot read Kafka client properties: " + e, e);
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    /** The same configuration pointed at another cluster. */
    public KafkaConfig withBootstrapServers(String servers) {
        return new KafkaConfig(servers, topicPrefix, partitions, replicationFactor, clientProperties);
    }

    /** The topic contract under this prefix. */
    public Topics topics() {
        return new Topics(topicPrefix, partitions, replicationFactor);
    }

    /** Properties common to every client: the cluster and the user's client properties. */
    public Map<String, Object> commonProperties() {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }
}
