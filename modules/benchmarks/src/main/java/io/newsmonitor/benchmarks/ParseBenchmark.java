package io.newsmonitor.benchmarks;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.SourceType;
import io.newsmonitor.poller.normalise.AnnouncementFactory;
import io.newsmonitor.poller.parse.FeedItem;
import io.newsmonitor.poller.parse.FeedParseException;
import io.newsmonitor.poller.parse.FeedParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread parse rate: feed XML turned into normalised announcements (strict parse, clean text, canonical URL,
 * id, date), over the corpus {@link #corpus()} (also written out by {@link WriteParseCorpus} for feedparser). The
 * score is corpora per second; multiply by {@link #corpusBytes()} for bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ParseBenchmark {

    static final int FEEDS = 100;

    private static final FeedSource SOURCE = new FeedSource("bench", null, "https://press.example.org/feed.xml",
            SourceType.RSS, Duration.ofMinutes(15), null, null, true, "fr", List.of(), true, false, false, null);

    private final FeedParser parser = new FeedParser();
    private final AnnouncementFactory factory = new AnnouncementFactory(Duration.ofDays(1), 100_000);
    private final URI base = URI.create(SOURCE.url());
    private final Instant now = Instant.parse("2026-11-01T00:00:00Z");
    private List<byte[]> feeds;

    /** The corpus: 100 synthetic press-room feeds of 20 items. */
    static List<byte[]> corpus() {
        List<byte[]> feeds = new ArrayList<>();
        for (int i = 0; i < FEEDS; i++) {
            feeds.add(SyntheticFeeds.rss(i, BenchEnvironment.ITEMS).getBytes(StandardCharsets.UTF_8));
        }
        return feeds;
    }

    /** Bytes of the corpus. */
    static long corpusBytes() {
        return corpus().stream().mapToLong(b -> b.length).sum();
    }

    @Setup
    public void setUp() {
        feeds = corpus();
        System.out.println("corpus: " + feeds.size() + " feeds, " + corpusBytes() + " bytes");
    }

    @Benchmark
    public void parseAndNormalise(Blackhole blackhole) throws FeedParseException {
        for (byte[] feed : feeds) {
            for (FeedItem item : parser.parse(feed, "application/rss+xml; charset=utf-8").items()) {
                Announcement a = factory.create(SOURCE, item, base, now);
                blackhole.consume(a);
            }
        }
    }
}
