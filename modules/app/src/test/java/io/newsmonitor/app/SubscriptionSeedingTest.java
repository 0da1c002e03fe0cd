package io.newsmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Pipeline;
import io.newsmonitor.app.wiring.Seeder;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.TestConfigDir;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.RecordOrigin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeding subscriptions from {@code subscriptions.yaml} at start-up: the file's subscriptions follow the file (one
 * removed from it is tombstoned), those added otherwise stay.
 */
@ExtendWith(KafkaBrokerExtension.class)
class SubscriptionSeedingTest {

    @Test
    void aSubscriptionRemovedFromTheFileIsRemovedFromTheTopicButOnesAddedOtherwiseStay(KafkaBroker broker,
                                                                                      @TempDir Path temp) {
        String prefix = TestTopics.uniquePrefix("seeding");
        Path dir = TestApp.configDir(temp, prefix, "feeds: []\n", """
                subscriptions:
                  - id: france
                    actors: [FR]
                  - id: germany
                    actors: [DE]
                """);
        AppConfig config = AppConfig.load(dir, broker.bootstrapServers(), null);
        Pipeline.prepare(config, false);
        Map<String, Object> common = config.kafka().commonProperties();
        Seeder.write(common, config.kafka().topics().subscriptions(), "from-cli",
                new Subscription("from-cli", null, List.of("TN"), null, null, false, null), RecordOrigin.CLI);
        Seeder.write(common, config.kafka().topics().subscriptions(), "unmarked",
                new Subscription("unmarked", null, List.of("MA"), null, null, false, null));

        TestConfigDir.write(dir, "subscriptions.yaml", """
                subscriptions:
                  - id: france
                    name: France, renamed
                    actors: [FR]
                """);
        Pipeline.prepare(config, false);

        Map<String, Subscription> current = Seeder.current(common, config.kafka().topics().subscriptions());
        assertThat(current).containsOnlyKeys("france", "from-cli", "unmarked");
        assertThat(current.get("france").name()).isEqualTo("France, renamed");

        TestConfigDir.write(dir, "subscriptions.yaml", "subscriptions: []\n");
        Pipeline.prepare(config, false);

        assertThat(Seeder.current(common, config.kafka().topics().subscriptions()))
                .containsOnlyKeys("from-cli", "unmarked");
    }

    @Test
    void aRestartWithAnUnchangedFileWritesNothing(KafkaBroker broker, @TempDir Path temp) {
        String prefix = TestTopics.uniquePrefix("seeding-again");
        Path dir = TestApp.configDir(temp, prefix, "feeds: []\n", """
                subscriptions:
                  - id: france
                    actors: [FR]
                """);
        AppConfig config = AppConfig.load(dir, broker.bootstrapServers(), null);
        Pipeline.prepare(config, false);
        List<Subscription> file = List.of(new Subscription("france", null, List.of("FR"), null, null, false, null));

        assertThat(Seeder.sync(config.kafka().commonProperties(), config.kafka().topics().subscriptions(), file,
                Subscription::id)).isZero();
    }
}
