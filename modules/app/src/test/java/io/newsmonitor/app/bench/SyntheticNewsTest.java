package io.newsmonitor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.model.Announcement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's announcements: seeded, fr/en/de, 1 to 4 KB (a copy that dropped a paragraph a little less), about
 * one in ten a syndicated copy.
 */
class SyntheticNewsTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private static List<Announcement> generate(long seed) {
        return new SyntheticNews(seed, START, Duration.ofSeconds(30)).next(2_000);
    }

    @Test
    void theSameSeedGivesTheSameAnnouncements() {
        assertThat(generate(7)).isEqualTo(generate(7));
        assertThat(generate(7)).isNotEqualTo(generate(8));
    }

    @Test
    void announcementsAreFrenchEnglishOrGermanOfOneToFourKilobytesWithDistinctIds() {
        List<Announcement> news = generate(7);

        assertThat(news).extracting(Announcement::id).doesNotHaveDuplicates();
        assertThat(news).extracting(Announcement::language).containsOnly("fr", "en", "de");
        assertThat(news).allSatisfy(a -> assertThat(a.content().getBytes(StandardCharsets.UTF_8).length)
                .isBetween(800, 4_400));
        assertThat(news.get(1).publishedAt()).isEqualTo(START.plusSeconds(30));
    }

    @Test
    void aboutOneInTenIsASyndicatedCopyAndTheBusyActorsAreInManyTexts() {
        List<Announcement> news = generate(7);
        Map<String, Long> copies = news.stream().collect(Collectors.groupingBy(
                a -> a.sourceId().startsWith("syndicator-") ? "copy" : "other", Collectors.counting()));
        long france = news.stream().map(Announcement::content)
                .filter(t -> t.contains("France") || t.contains("Frankreich")).count();

        assertThat(copies.get("copy")).isBetween(150L, 250L);
        assertThat(france).isGreaterThan(news.size() / 5);
        assertThat(news.stream().collect(Collectors.toMap(Announcement::url, Function.identity()))).hasSize(2_000);
    }
}
