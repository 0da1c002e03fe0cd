package io.newsmonitor.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the parse benchmark's corpus to a directory, for measuring another parser on the same bytes. */
public final class WriteParseCorpus {

    private WriteParseCorpus() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/parse-corpus");
        Files.createDirectories(dir);
        List<byte[]> feeds = ParseBenchmark.corpus();
        for (int i = 0; i < feeds.size(); i++) {
            Files.write(dir.resolve(String.format("feed-%03d.xml", i)), feeds.get(i));
        }
        System.out.println("wrote " + feeds.size() + " feeds (" + ParseBenchmark.corpusBytes() + " bytes) to " + dir);
    }
}
