package io.newsmonitor.app;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Pipeline;
import io.newsmonitor.app.wiring.Replay;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A replay reclassifies the raw history into its own topics, beside the live processor, and compares. */
@ExtendWith(KafkaBrokerExtension.class)
class ReplayTest {

    @Test
    void reclassifiesTheRawHistoryIntoItsOwnTopicsAndComparesWithTheLiveOnes(KafkaBroker broker,
                                                                              @TempDir Path temp) throws Exception {
        String prefix = TestTopics.uniquePrefix("replay");
        AppConfig config = AppConfig.load(TestApp.configDir(temp, prefix, "feeds: []\n", "subscriptions: []\n"),
                broker.bootstrapServers(), null);
        Topics live = config.kafka().topics();
        Pipeline.prepare(config, false);
        Instant at = Instant.parse("2026-03-03T08:00:00Z");
        KafkaTestClients.produce(broker.bootstrapServers(), live.raw(), "a", new Announcement("a", "src",
                "https://example.org/a", null, "Germany and Tunisia sign an AI skills partnership", null,
                "Germany and Tunisia signed a partnership on artificial intelligence training. The cooperation on "
                        + "AI skills is implemented by GIZ for two thousand young Tunisians.", "en", at, at,
                List.of()));
        KafkaTestClients.produce(broker.bootstrapServers(), live.raw(), "b", new Announcement("b", "src",
                "https://example.org/b", null, "Japan and the EU launch a digital partnership on AI", null,
                "The European Union and Japan agreed in Tokyo to deepen their digital partnership, with joint "
                        + "research on trustworthy artificial intelligence and semiconductors.", "en",
                at.plusSeconds(86_400 * 30), at, List.of()));
        try (Pipeline pipeline = Pipeline.start(config, EnumSet.of(Pipeline.Role.PROCESSOR))) {
            assertThat(KafkaTestClients.consume(broker.bootstrapServers(), live.classified(), 2,
                    Duration.ofSeconds(60))).hasSize(2);
        }

        Replay replay = new Replay(config, "test");
        assertThat(replay.output().classified().name()).isEqualTo(prefix + ".replay-test.announcements.classified");
        assertThat(replay.processorConfig().applicationId()).isEqualTo(prefix + "-processor-replay-test");
        try (AutoCloseable running = replay.start(new SimpleMeterRegistry())) {
            replay.awaitCaughtUp(Duration.ofSeconds(90));
            List<ConsumerRecord<String, ClassifiedAnnouncement>> replayed = KafkaTestClients.consume(
                    broker.bootstrapServers(), replay.output().classified(), 2, Duration.ofSeconds(30));
            assertThat(replayed).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("a", "b");

            Replay.Comparison comparison = replay.compare();
            assertThat(comparison.live()).isEqualTo(2);
            assertThat(comparison.replayed()).isEqualTo(2);
            assertThat(comparison.onlyLive()).isZero();
            assertThat(comparison.cooperationChanged()).isZero();
        }
        assertThat(KafkaTestClients.consume(broker.bootstrapServers(), live.classified(), 3,
                Duration.ofSeconds(3))).as("the live topic holds no replayed record").hasSize(2);
    }
}
