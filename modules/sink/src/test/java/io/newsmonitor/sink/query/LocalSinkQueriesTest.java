package io.newsmonitor.sink.query;

import static io.newsmonitor.sink.SinkFixtures.announcement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.newsmonitor.model.AggregateCount;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Evidence;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.sink.NotReadyException;
import io.newsmonitor.sink.SinkFixtures;
import io.newsmonitor.sink.SinkQueries.AnnouncementFilter;
import io.newsmonitor.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a sink instance answers from its stores, fed through a {@link TopologyTestDriver}. */
class LocalSinkQueriesTest {

    private static final Instant DAY = Instant.parse("2026-02-10T00:00:00Z");

    private final Topics topics = new Topics("test", 1, (short) 1);
    private final TopologyTestDriver driver = SinkFixtures.driver(SinkFixtures.config(sink -> { }), topics, DAY);
    private final TestInputTopic<String, ClassifiedAnnouncement> classified = SinkFixtures.input(driver,
            topics.classified());
    private final TestInputTopic<String, Subscription> subscriptions = SinkFixtures.input(driver,
            topics.subscriptions());
    private final LocalSinkQueries queries = new LocalSinkQueries(SinkFixtures.stores(driver), List::of);

    @AfterEach
    void close() {
        driver.close();
    }

    private void publish(ClassifiedAnnouncement a) {
        classified.pipeInput(a.id(), a, a.fetchedAt());
    }

    private static AnnouncementFilter all(int limit) {
        return new AnnouncementFilter(null, null, null, null, null, limit);
    }

    @Test
    void announcementsComeNewestFirstFilteredAndLimited() {
        publish(announcement("a1", DAY, false, List.of("FR"), List.of("ai")));
        publish(announcement("a2", DAY.plus(Duration.ofHours(1)), false, List.of("DE"), List.of("ai")));
        publish(announcement("a3", DAY.plus(Duration.ofHours(2)), true, List.of("FR", "AL"), List.of("data")));

        assertThat(queries.announcements(all(10))).extracting(ClassifiedAnnouncement::id)
                .containsExactly("a3", "a2", "a1");
        assertThat(queries.announcements(new AnnouncementFilter("FR", null, null, null, null, 10)))
                .extracting(ClassifiedAnnouncement::id).containsExactly("a3", "a1");
        assertThat(queries.announcements(new AnnouncementFilter(null, "ai", false, null, null, 10)))
                .extracting(ClassifiedAnnouncement::id).containsExactly("a2", "a1");
        assertThat(queries.announcements(new AnnouncementFilter(null, null, true, null, null, 10)))
                .extracting(ClassifiedAnnouncement::id).containsExactly("a3");
        assertThat(queries.announcements(new AnnouncementFilter(null, null, null, null,
                DAY.plus(Duration.ofHours(1)), 10))).extracting(ClassifiedAnnouncement::id)
                .containsExactly("a3", "a2");
        assertThat(queries.announcements(all(2))).extracting(ClassifiedAnnouncement::id).containsExactly("a3", "a2");
    }

    @Test
    void theWordsOfAQueryMatchAsTheClassifierReadsThem() {
        publish(announcement("fr", DAY, false, List.of("FR"), List.of("ai"),
                "La France présente une feuille de route sur l'Intelligence artificielle.", List.of()));
        publish(announcement("en", DAY, false, List.of("FR"), List.of("ai"), "An AI partnership.", List.of()));

        assertThat(queries.announcements(new AnnouncementFilter(null, null, null, "intelligence Artificielle",
                null, 10))).extracting(ClassifiedAnnouncement::id).containsExactly("fr");
        assertThat(queries.announcements(new AnnouncementFilter(null, null, null, "partnerships", null, 10)))
                .extracting(ClassifiedAnnouncement::id).containsExactly("en");
        assertThat(queries.announcements(new AnnouncementFilter(null, null, null, "route partnership", null, 10)))
                .isEmpty();
    }

    @Test
    void aKeptAnnouncementIsSlimTextCutAndOnlyTheEvidenceInsideIt() {
        String text = "mot ".repeat(1000);
        publish(announcement("long", DAY, false, List.of("FR"), List.of("ai"), text,
                List.of(new Evidence("actor", "FR", "mot", 4, 7), new Evidence("actor", "FR", "mot", 3000, 3003))));

        ClassifiedAnnouncement kept = queries.announcements(all(1)).get(0);

        assertThat(kept.text()).hasSizeLessThanOrEqualTo(RecentAnnouncements.TEXT_CHARS + 1).endsWith("mot…")
                .startsWith("mot mot");
        assertThat(kept.evidence()).containsExactly(new Evidence("actor", "FR", "mot", 4, 7));
        assertThat(kept.actors()).isEqualTo(announcement("long", DAY, false, List.of("FR"), List.of("ai")).actors());
    }

    @Test
    void announcementsExpireOnceTheStreamIsARetentionPastThem() {
        publish(announcement("old", DAY, false, List.of("FR"), List.of("ai")));
        publish(announcement("recent", DAY.plus(Duration.ofDays(31)), false, List.of("FR"), List.of("ai")));
        publish(announcement("older", DAY.minus(Duration.ofDays(1)), false, List.of("FR"), List.of("ai")));

        assertThat(queries.announcements(all(10))).extracting(ClassifiedAnnouncement::id)
                .containsExactly("recent");
    }

    @Test
    void alertsComePerSubscriptionNewestFirstAndAllMerged() {
        subscriptions.pipeInput("fr", new Subscription("fr", null, List.of("FR"), null, null, false, null));
        subscriptions.pipeInput("ai", new Subscription("ai", null, null, null, List.of("ai"), false, null));

        publish(announcement("a1", DAY, false, List.of("FR"), List.of("data")));
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        publish(announcement("a2", DAY, false, List.of("DE"), List.of("ai")));
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        publish(announcement("a3", DAY, false, List.of("FR"), List.of("ai")));

        assertThat(queries.alerts("fr", null, 10)).extracting(Alert::announcementId).containsExactly("a3", "a1");
        assertThat(queries.alerts("ai", null, 10)).extracting(Alert::announcementId).containsExactly("a3", "a2");
        assertThat(queries.alerts("f", null, 10)).isEmpty();
        assertThat(queries.alerts(null, null, 10)).extracting(Alert::key)
                .containsExactly("ai/a3", "fr/a3", "ai/a2", "fr/a1");
        assertThat(queries.alerts(null, DAY.plus(Duration.ofMinutes(1)), 2)).extracting(Alert::key)
                .containsExactly("ai/a3", "fr/a3");
        assertThat(queries.alerts("fr", DAY.plus(Duration.ofMinutes(1)), 10)).extracting(Alert::key)
                .containsExactly("fr/a3");
    }

    @Test
    void subscriptionsComeFromTheGlobalStore() {
        subscriptions.pipeInput("fr", new Subscription("fr", "France", List.of("FR"), null, null, false, null));
        subscriptions.pipeInput("de", new Subscription("de", null, List.of("DE"), null, null, false, null));
        subscriptions.pipeInput("de", (Subscription) null);
        subscriptions.pipeInput("ai", new Subscription("ai", null, null, null, List.of("ai"), false, null));

        assertThat(queries.subscriptions()).extracting(Subscription::id).containsExactly("ai", "fr");
        assertThat(queries.subscription("fr")).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("France"));
        assertThat(queries.subscription("de")).isEmpty();
    }

    @Test
    void aggregatesArePerKeyAndWindowByWindowStart() {
        publish(announcement("a1", DAY.plus(Duration.ofMinutes(10)), true, List.of("AL", "FR"), List.of("ai")));
        publish(announcement("a2", DAY.plus(Duration.ofMinutes(70)), false, List.of("FR"), List.of("ai")));
        publish(announcement("a3", DAY.plus(Duration.ofDays(1)), false, List.of("DE"), List.of("ai")));

        assertThat(queries.aggregate("countries.daily", "FR", null, null)).containsExactly(
                new AggregateCount("countries.daily", "FR", DAY, DAY.plus(Duration.ofDays(1)), 2,
                        List.of("a2", "a1")));
        assertThat(queries.aggregate("countries.hourly", "FR", DAY, DAY.plus(Duration.ofHours(1))))
                .extracting(AggregateCount::windowStart, AggregateCount::count)
                .containsExactly(tuple(DAY, 1L),
                        tuple(DAY.plus(Duration.ofHours(1)), 1L));
        assertThat(queries.aggregate("countries.daily", null, null, null))
                .extracting(c -> c.key() + "@" + c.windowStart() + "=" + c.count())
                .containsExactly("AL@2026-02-10T00:00:00Z=1", "FR@2026-02-10T00:00:00Z=2",
                        "DE@2026-02-11T00:00:00Z=1");
        assertThat(queries.aggregate("country-themes.daily", null, DAY, DAY)).extracting(AggregateCount::key)
                .containsExactly("AL|ai", "FR|ai");
        assertThat(queries.aggregate("pairs.daily", "AL+FR", null, null)).extracting(AggregateCount::count)
                .containsExactly(1L);
        assertThatThrownBy(() -> queries.aggregate("countries.weekly", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("countries.weekly");
    }

    @Test
    void aLimitOutOfRangeIsRefused() {
        assertThatThrownBy(() -> queries.announcements(all(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> queries.alerts(null, null, 1001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storesThatCannotBeReadYetAnswerNotReady() {
        StoreAccess starting = new StoreAccess() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name) {
                throw new InvalidStateStoreException("KafkaStreams is not running. State is REBALANCING.");
            }

            @Override
            public <V> ReadOnlyWindowStore<String, V> windowStore(String name) {
                throw new InvalidStateStoreException("KafkaStreams is not running. State is REBALANCING.");
            }
        };
        LocalSinkQueries notYet = new LocalSinkQueries(starting, () -> {
            throw new InvalidStateStoreException("not started");
        });

        assertThatThrownBy(() -> notYet.trends()).isInstanceOf(NotReadyException.class)
                .hasMessageContaining("REBALANCING");
        assertThatThrownBy(() -> notYet.aggregate("actors.daily", "FR", null, null))
                .isInstanceOf(NotReadyException.class);
        assertThatThrownBy(notYet::peers).isInstanceOf(NotReadyException.class);
    }
}
