package io.newsmonitor.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.processor.config.ProcessorConfig;
import io.newsmonitor.samples.SampleAnnouncement;
import io.newsmonitor.samples.SampleCorpus;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.StoryPartitioning;
import io.newsmonitor.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor on a real broker, exactly-once: good records are classified, unreadable ones land on the dead-letter
 * topic with headers naming the error and where the record came from, and processing goes on.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ProcessorIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void classifiesGoodRecordsAndSendsUnreadableOnesToTheDeadLetterTopic(KafkaBroker broker, @TempDir Path state)
            throws Exception {
        KafkaConfig kafka = kafka(broker, "processor", 2);
        Topics topics = kafka.topics();

        try (KafkaStreams streams = start(kafka, state)) {
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.commonProperties(),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(topics.raw().name(), 0, bytes("bad"), bytes("{not json"))).get();
            }
            Instant now = Instant.parse("2026-05-12T10:30:00Z");
            KafkaTestClients.produce(broker.bootstrapServers(), topics.raw(), "good", new Announcement("good",
                    "bmwk", "https://www.bmwk.de/ki-dialog", null,
                    "Deutsch-französischer KI-Dialog übergibt Bericht an beide Regierungen", null,
                    "Der deutsch-französische Industriedialog zur künstlichen Intelligenz hat seinen Bericht an "
                            + "die Regierungen in Berlin und Paris übergeben. Deutschland und Frankreich wollen die "
                            + "Zusammenarbeit bei KI-Rechenzentren und Datenräumen vertiefen.", "de", now, now,
                    List.of()));

            List<ConsumerRecord<String, ClassifiedAnnouncement>> classified =
                    KafkaTestClients.consume(broker.bootstrapServers(), topics.classified(), 1, WAIT);
            assertThat(classified).extracting(ConsumerRecord::key).containsExactly("good");
            assertThat(classified.get(0).value().countries()).containsExactly("DE", "FR");
            assertThat(classified.get(0).value().aiCooperation()).isTrue();

            List<ConsumerRecord<byte[], byte[]>> dead =
                    KafkaTestClients.consume(broker.bootstrapServers(), topics.deadLetter(), 1, WAIT);
            assertThat(dead).hasSize(1);
            ConsumerRecord<byte[], byte[]> letter = dead.get(0);
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("bad");
            assertThat(header(letter, "__streams.errors.topic")).isEqualTo(topics.raw().name());
            assertThat(header(letter, "__streams.errors.partition")).isEqualTo("0");
            assertThat(header(letter, "__streams.errors.offset")).isEqualTo("0");
            assertThat(header(letter, "__streams.errors.exception")).contains("SerializationException");
            assertThat(header(letter, "__streams.errors.message")).contains("cannot read Announcement");
        }
    }

    @Test
    void everyWriteUpOfAStoryIsOnTheStorysPartitionOfClassified(KafkaBroker broker, @TempDir Path state)
            throws Exception {
        KafkaConfig kafka = kafka(broker, "by-story", 4);
        Topics topics = kafka.topics();
        List<SampleAnnouncement> corpus = SampleCorpus.all().stream()
                .sorted(Comparator.comparing(SampleAnnouncement::publishedAt)).toList();

        try (KafkaStreams streams = start(kafka, state)) {
            corpus.forEach(a -> KafkaTestClients.produce(broker.bootstrapServers(), topics.raw(), a.id(),
                    new Announcement(a.id(), a.source(), a.url(), null, a.title(), a.summary(), a.content(),
                            a.language(), a.publishedAt(), a.publishedAt(), List.of())));

            String servers = broker.bootstrapServers();
            await("every announcement classified or a copy").atMost(WAIT).until(() ->
                    KafkaTestClients.consumeCommitted(servers, topics.classified(), WAIT).size()
                            + KafkaTestClients.consumeCommitted(servers, topics.duplicates(), WAIT).size()
                            == corpus.size());

            List<ConsumerRecord<String, ClassifiedAnnouncement>> classified =
                    KafkaTestClients.consumeCommitted(servers, topics.classified(), WAIT);
            assertThat(classified.stream().filter(r -> StoryPartitioning.partitionOf(r.key(), 4)
                            != StoryPartitioning.partitionOf(r.value().storyId(), 4)).count())
                    .as("later write-ups whose own id would have put them on another partition").isPositive();
            assertThat(classified.stream().filter(r -> r.partition()
                            != StoryPartitioning.partitionOf(r.value().storyId(), 4))
                    .map(r -> r.key() + " of story " + r.value().storyId() + " on partition " + r.partition()))
                    .as("write-ups off their story's partition").isEmpty();
        }
    }

    /** Topics of their own, with {@code partitions} partitions each, on the test broker. */
    private static KafkaConfig kafka(KafkaBroker broker, String name, int partitions) {
        KafkaConfig kafka = new KafkaConfig(broker.bootstrapServers(), TestTopics.uniquePrefix(name), partitions,
                (short) 1, Map.of());
        KafkaTestClients.createTopics(kafka.bootstrapServers(), kafka.topics());
        return kafka;
    }

    /** A started processor on {@code kafka}'s topics, with the default settings. */
    private static KafkaStreams start(KafkaConfig kafka, Path state) {
        ProcessorConfig config = TopologyFixture.defaults().withApplicationId(kafka.topicPrefix() + "-processor",
                state.toString());
        KafkaStreams streams = new KafkaStreams(ProcessorTopology.build(config, TopologyFixture.TAXONOMY,
                kafka.topics(), kafka.topics(), Clock.systemUTC()), ProcessorTopology.properties(config, kafka,
                kafka.topics()));
        streams.start();
        return streams;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
