package io.newsmonitor.app;

import static io.newsmonitor.app.TestApp.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Pipeline;
import io.newsmonitor.app.wiring.Seeder;
import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Cooperation;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.ThemeScore;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestConfigDir;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.Topic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsmonitor subscriptions add|list|show|test|remove} against a real broker. */
@ExtendWith(KafkaBrokerExtension.class)
class SubscriptionsCommandTest {

    private static final String FRANCE_MAGHREB = """
            id: fr-maghreb
            name: France with any Maghreb country
            backfill: 7d
            rule:
              all:
                - aiCooperation: true
                - pair: [FR, {memberOf: maghreb}]
            webhook:
              url: https://hooks.example.org/alerts
              secret: s3cret
            """;

    @Test
    void addsListsShowsPreviewsAndRemovesSubscriptions(KafkaBroker broker, @TempDir Path temp) {
        String prefix = TestTopics.uniquePrefix("subscriptions");
        Path dir = TestApp.configDir(temp, prefix, "feeds: []\n", """
                subscriptions:
                  - id: from-file
                    actors: [DE]
                """);
        AppConfig config = AppConfig.load(dir, broker.bootstrapServers(), null);
        Pipeline.prepare(config, false);
        String[] kafka = {"--config", dir.toString(), "--bootstrap-servers", broker.bootstrapServers()};
        TestConfigDir.write(temp, "fr-maghreb.yaml", FRANCE_MAGHREB);
        String file = temp.resolve("fr-maghreb.yaml").toString();

        assertThat(run(kafka, "subscriptions", "add", file)).contains("added fr-maghreb");
        Subscription saved = Seeder.current(config.kafka().commonProperties(), config.kafka().topics()
                .subscriptions()).get("fr-maghreb");
        assertThat(saved.backfill()).isEqualTo(Duration.ofDays(7));
        assertThat(saved.webhook().secret()).isEqualTo("s3cret");

        assertThat(run(kafka, "subscriptions", "list")).contains("from-file", "file", "fr-maghreb", "cli", "7d",
                "pair: FR with {memberOf: maghreb}");
        assertThat(run(kafka, "subscriptions", "show", "fr-maghreb")).contains("name: \"France with any Maghreb",
                "memberOf: \"maghreb\"", "secret: \"***\"", "# origin: cli").doesNotContain("s3cret");

        publishClassified(broker, config.kafka().topics().classified(), List.of(
                announcement("fr-tn", 2, "FR", "TN"), announcement("fr-de", 1, "DE", "FR"),
                announcement("fr-ma-old", 45, "FR", "MA")));
        String preview = run(kafka, "subscriptions", "test", file, "--days", "30");
        assertThat(preview).contains("fr-tn", "pair: FR with {memberOf: maghreb}  FR+TN",
                "1 story matched (1 shown) among 2 announcements of the last 30 days").doesNotContain("fr-de");
        assertThat(run(kafka, "subscriptions", "test", "fr-maghreb", "--days", "60"))
                .contains("2 stories matched (2 shown) among 3 announcements of the last 60 days");

        assertThat(run(kafka, "subscriptions", "remove", "fr-maghreb")).contains("removed fr-maghreb");
        assertThat(Seeder.current(config.kafka().commonProperties(), config.kafka().topics().subscriptions()))
                .containsOnlyKeys("from-file");
    }

    @Test
    void aRefusedSubscriptionIsNotWrittenAndTheErrorNamesTheField(KafkaBroker broker, @TempDir Path temp) {
        String prefix = TestTopics.uniquePrefix("subscriptions-bad");
        Path dir = TestApp.configDir(temp, prefix, "feeds: []\n", "subscriptions: []\n");
        AppConfig config = AppConfig.load(dir, broker.bootstrapServers(), null);
        Pipeline.prepare(config, false);
        TestConfigDir.write(temp, "bad.yaml", """
                id: bad
                rule:
                  any:
                    - theme: {id: regulation, minScore: high}
                """);
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine().setErr(new PrintWriter(err));

        int status = cli.execute("subscriptions", "add", temp.resolve("bad.yaml").toString(), "--config",
                dir.toString(), "--bootstrap-servers", broker.bootstrapServers());

        assertThat(status).isNotZero();
        assertThat(err.toString()).contains("bad.yaml: rule.any[0].theme.minScore: must be a number, got 'high'");
        assertThat(Seeder.current(config.kafka().commonProperties(), config.kafka().topics().subscriptions()))
                .isEmpty();
    }

    /** Writes announcements as the processor does: stamped with their publication time. */
    private static void publishClassified(KafkaBroker broker, Topic<String, ClassifiedAnnouncement> topic,
                                          List<ClassifiedAnnouncement> announcements) {
        for (ClassifiedAnnouncement a : announcements) {
            KafkaTestClients.produceBytes(broker.bootstrapServers(), topic.name(), a.id(),
                    topic.valueSerde().serializer().serialize(topic.name(), a), a.publishedAt().toEpochMilli());
        }
    }

    /** An AI cooperation between two countries, published {@code daysAgo}. */
    private static ClassifiedAnnouncement announcement(String id, int daysAgo, String a, String b) {
        Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(daysAgo));
        return new ClassifiedAnnouncement(id, "src", "https://example.org/" + id, "Title " + id, "fr", published,
                published, published, "text", List.of(new ActorMention(a, ActorType.COUNTRY, a, 1),
                        new ActorMention(b, ActorType.COUNTRY, b, 1)), List.of(a, b),
                List.of(new ThemeScore("ai", 3.0)), true, new Cooperation(List.of(a, b), List.of(List.of(a, b)),
                        List.of("accord")), id, List.of(), "v1");
    }
}
