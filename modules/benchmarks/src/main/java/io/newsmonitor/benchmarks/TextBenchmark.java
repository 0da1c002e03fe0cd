package io.newsmonitor.benchmarks;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.processor.classify.Classifier;
import io.newsmonitor.processor.dedup.MinHash;
import io.newsmonitor.processor.taxonomy.Taxonomy;
import io.newsmonitor.processor.taxonomy.TaxonomyLoader;
import io.newsmonitor.processor.text.TextCleaner;
import io.newsmonitor.app.bench.Dictionaries;
import io.newsmonitor.testkit.TestConfigDir;
import io.newsmonitor.text.TextAnalyzer;
import io.newsmonitor.text.Token;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread rates of the processor's text work over {@link AnnouncementCorpus}: cleaning, classification
 * (analysis into tokens, then actors, themes and cooperation) with the project's actor dictionary or one of 20,000
 * entries, and the near-duplicate signature (shingles of the analysed words, their hashes, the MinHash signature).
 * The score is corpora per second; {@link MicroBenchmarks} turns it into MB of text per second per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class TextBenchmark {

    /** {@code project}: config/actors.yaml (about 550 entries); a number: that many entries. */
    @Param({"project", "20000"})
    public String actors;

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final TextCleaner cleaner = new TextCleaner(20_000);
    private final MinHash minHash = new MinHash(128);
    private List<Announcement> corpus;
    private List<TextCleaner.Cleaned> texts;
    private List<List<String>> terms;
    private Classifier classifier;

    @Setup
    public void setUp() throws IOException {
        corpus = AnnouncementCorpus.announcements();
        texts = corpus.stream().map(cleaner::clean).toList();
        terms = texts.stream().map(t -> analyzer.tokens(t.text()).stream().map(Token::term).toList()).toList();
        Path config = TestConfigDir.projectConfig();
        if (!"project".equals(actors)) {
            config = Dictionaries.withActors(config, Files.createTempDirectory("bench-actors"),
                    Integer.parseInt(actors), 11);
        }
        Taxonomy taxonomy = new TaxonomyLoader(analyzer).load(config);
        classifier = new Classifier(taxonomy, analyzer, 2.0);
        System.out.println("corpus: " + corpus.size() + " announcements, " + AnnouncementCorpus.bytes(corpus)
                + " bytes; " + taxonomy.actors().size() + " actors");
    }

    @Benchmark
    public void classify(Blackhole blackhole) {
        for (TextCleaner.Cleaned text : texts) {
            List<Token> tokens = analyzer.tokens(text.text());
            blackhole.consume(classifier.classify(text.text(), text.titleLength(), tokens));
        }
    }

    @Benchmark
    public void clean(Blackhole blackhole) {
        for (Announcement a : corpus) {
            blackhole.consume(cleaner.clean(a));
        }
    }

    @Benchmark
    public void signature(Blackhole blackhole) {
        for (List<String> words : terms) {
            blackhole.consume(minHash.signature(MinHash.shingleHashes(words, 3)));
        }
    }
}
