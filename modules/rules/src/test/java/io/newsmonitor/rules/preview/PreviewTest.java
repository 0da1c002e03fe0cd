package io.newsmonitor.rules.preview;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Cooperation;
import io.newsmonitor.model.MatchReason;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.ThemeScore;
import io.newsmonitor.rules.CompiledRule;
import io.newsmonitor.rules.Rules;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestConfigDir;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The preview of a rule over the classified announcements of a real broker. */
@ExtendWith(KafkaBrokerExtension.class)
class PreviewTest {

    private static final Rules RULES = Rules.load(TestConfigDir.projectConfig());
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void previewShowsTheNewestMatchingStoriesOfThePeriodOnceWithTheirReasonsAndCountsWhatItRead(
            KafkaBroker broker) {
        Topics topics = new Topics(TestTopics.uniquePrefix("preview"), 2, (short) 1);
        KafkaTestClients.createTopics(broker.bootstrapServers(), topics);
        Topic<String, ClassifiedAnnouncement> classified = topics.classified();
        publish(broker, classified, announcement("too-old", "too-old", 40, "FR"));
        publish(broker, classified, announcement("week", "week", 7, "FR"));
        publish(broker, classified, announcement("week-copy", "week", 6, "FR"));
        publish(broker, classified, announcement("yesterday", "yesterday", 1, "FR"));
        publish(broker, classified, announcement("german", "german", 1, "DE"));
        publish(broker, classified, announcement("today", "today", 0, "FR"));
        KafkaTestClients.produceBytes(broker.bootstrapServers(), classified.name(), "poison", "{".getBytes(UTF_8),
                NOW.toEpochMilli());
        CompiledRule france = RULES.compile(new Subscription("fr", null, null, null, null, null, null,
                Map.of("country", "FR"), null, null, null));

        PreviewResult result = Preview.run(props(broker), classified, france, Duration.ofDays(30), 2);

        assertThat(result.matches()).extracting(m -> m.announcement().id()).containsExactly("today", "yesterday");
        assertThat(result.matches().get(0).reasons()).containsExactly(new MatchReason("country: FR", List.of("FR")));
        assertThat(result.matches().get(0).announcement().text()).as("shown without its text").isEmpty();
        assertThat(result.matched()).as("week, yesterday, today: the week's copy is the same story").isEqualTo(3);
        assertThat(result.scanned()).as("every readable announcement of the period").isEqualTo(5);
        assertThat(result.skipped()).isEqualTo(1);
    }

    @Test
    void aRuleReadingSourceTagsIsPreviewedWithTheSourcesTagsOnly(KafkaBroker broker) {
        Topics topics = new Topics(TestTopics.uniquePrefix("preview-tags"), 1, (short) 1);
        KafkaTestClients.createTopics(broker.bootstrapServers(), topics);
        publish(broker, topics.classified(), announcement("today", "today", 0, "FR"));
        CompiledRule government = RULES.compile(new Subscription("gov", null, null, null, null, null, null,
                Map.of("sourceTag", "government"), null, null, null));

        assertThatThrownBy(() -> Preview.run(props(broker), topics.classified(), government, Duration.ofDays(1), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sourceTag");
        assertThat(Preview.run(props(broker), topics.classified(), id -> List.of("government"), government,
                Duration.ofDays(1), 5, Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC)).matched()).isEqualTo(1);
    }

    private static Properties props(KafkaBroker broker) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return props;
    }

    /** Writes an announcement as the processor does: stamped with its publication time. */
    private static void publish(KafkaBroker broker, Topic<String, ClassifiedAnnouncement> topic,
                                ClassifiedAnnouncement a) {
        KafkaTestClients.produceBytes(broker.bootstrapServers(), topic.name(), a.id(),
                topic.valueSerde().serializer().serialize(topic.name(), a), a.publishedAt().toEpochMilli());
    }

    private static ClassifiedAnnouncement announcement(String id, String storyId, int daysAgo, String country) {
        Instant published = NOW.minus(Duration.ofDays(daysAgo));
        return new ClassifiedAnnouncement(id, "src", "https://example.org/" + id, "Title " + id, "fr", published,
                published, published, "text of " + id,
                List.of(new ActorMention(country, ActorType.COUNTRY, country, 1)), List.of(country),
                List.of(new ThemeScore("ai", 2.0)), false, Cooperation.NONE, storyId, List.of(), "v1");
    }
}
