package io.newsmonitor.testkit;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.topics.StoryPartitioning;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.TopicCreator;
import io.newsmonitor.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: write records and read them back as any user's client would. */
public final class KafkaTestClients {

    private KafkaTestClients() {
    }

    /** Creates every topic of the contract, as the application does at start-up. */
    public static void createTopics(String bootstrapServers, Topics topics) {
        TopicCreator.ensure(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topics.all());
    }

    /** Writes one record and waits for the broker's acknowledgement. */
    public static <K, V> void produce(String bootstrapServers, Topic<K, V> topic, K key, V value) {
        send(bootstrapServers, topic, new ProducerRecord<>(topic.name(), key, value));
    }

    /**
     * Writes a classified announcement as the processor does, keyed by its id on its story's partition
     * ({@link StoryPartitioning}), and waits for the broker's acknowledgement.
     */
    public static void produceClassified(String bootstrapServers, Topics topics, ClassifiedAnnouncement announcement) {
        Topic<String, ClassifiedAnnouncement> classified = topics.classified();
        send(bootstrapServers, classified, new ProducerRecord<>(classified.name(),
                StoryPartitioning.partitionOf(announcement.storyId(), classified.partitions()), announcement.id(),
                announcement));
    }

    private static <K, V> void send(String bootstrapServers, Topic<K, V> topic, ProducerRecord<K, V> record) {
        try (KafkaProducer<K, V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + topic.name(), e);
        }
    }

    /**
     * Writes one record of raw bytes, whatever the topic's contract says (poison records), with an optional
     * timestamp, and waits for the broker's acknowledgement.
     */
    public static void produceBytes(String bootstrapServers, String topic, String key, byte[] value, Long timestamp) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, timestamp, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + topic, e);
        }
    }

    /**
     * Reads the topic from the beginning (committed records only) until {@code count} records satisfying
     * {@code wanted} have arrived or {@code timeout} has passed, and returns those records.
     */
    public static <K, V> List<ConsumerRecord<K, V>> consume(String bootstrapServers, Topic<K, V> topic, int count,
                                                            Predicate<ConsumerRecord<K, V>> wanted,
                                                            Duration timeout) {
        List<ConsumerRecord<K, V>> found = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** {@link #consume(String, Topic, int, Predicate, Duration)} of every record. */
    public static <K, V> List<ConsumerRecord<K, V>> consume(String bootstrapServers, Topic<K, V> topic, int count,
                                                            Duration timeout) {
        return consume(bootstrapServers, topic, count, record -> true, timeout);
    }

    /**
     * The topic's committed records from the beginning up to each partition's last stable offset as of the call (and
     * possibly a few committed after it), so that once a committed signal says some work is done, a test can check
     * that the work wrote nothing more without waiting a fixed time.
     *
     * @param timeout the longest the reading may take
     * @throws IllegalStateException when the topic does not exist (an empty answer would pass any "nothing more")
     */
    public static <K, V> List<ConsumerRecord<K, V>> consumeCommitted(String bootstrapServers, Topic<K, V> topic,
                                                                     Duration timeout) {
        List<ConsumerRecord<K, V>> found = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("no topic " + topic.name());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " to " + ends + " in "
                            + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
        }
        return found;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
