package io.newsmonitor.benchmarks;

import io.newsmonitor.app.bench.SyntheticNews;
import io.newsmonitor.model.Announcement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The texts the processor microbenchmarks work on: {@value #SIZE} generated announcements of {@code newsmonitor
 * bench} (fr/en/de, 1 to 4 KB, real actor and theme names), the same on every run.
 */
final class AnnouncementCorpus {

    static final int SIZE = 200;
    private static final long SEED = 11;

    private AnnouncementCorpus() {
    }

    static List<Announcement> announcements() {
        return new SyntheticNews(SEED, Instant.parse("2026-11-01T00:00:00Z"), Duration.ofMinutes(1)).next(SIZE);
    }

    /** UTF-8 bytes of title, summary and content of every announcement: the text one pass of a benchmark reads. */
    static long bytes(List<Announcement> announcements) {
        return announcements.stream().mapToLong(a -> utf8(a.title()) + utf8(a.summary()) + utf8(a.content())).sum();
    }

    private static long utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
