package io.newsmonitor.processor.topology;

import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.processor.config.ProcessorConfig;
import io.newsmonitor.streams.StreamsProperties;
import io.newsmonitor.streams.StreamsTopics;
import io.newsmonitor.processor.classify.AnnouncementAnalyzer;
import io.newsmonitor.processor.classify.Classifier;
import io.newsmonitor.processor.dedup.Candidate;
import io.newsmonitor.processor.dedup.DedupOutcome;
import io.newsmonitor.processor.dedup.DedupProcessor;
import io.newsmonitor.processor.dedup.DedupSerdes;
import io.newsmonitor.processor.dedup.MinHash;
import io.newsmonitor.processor.taxonomy.Taxonomy;
import io.newsmonitor.text.LanguageGuesser;
import io.newsmonitor.text.TextAnalyzer;
import io.newsmonitor.processor.text.TextCleaner;
import io.newsmonitor.streams.PublicationTimeExtractor;
import io.newsmonitor.topics.Topics;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The processor's topology, built in one place as a pure function of its configuration:
 * <pre>
 * announcements.raw ─▶ classify (clean, language, actors, themes, cooperation, fingerprint; any partition)
 *                   ─▶ repartition to one partition ─▶ deduplicate (stores: signatures, exact, bands, stories)
 *                   ─▶ announcements.classified (first seen, on its story's partition)
 *                    |  announcements.duplicates (copies)
 * </pre>
 * Records that cannot be read or processed go to the dead-letter topic (Kafka Streams' own, KIP-1034). Event time is
 * publication time (see {@link PublicationTimeExtractor}); outputs carry the time they were decided.
 */
public final class ProcessorTopology {

    /** The name of the repartition the deduplication reads (Kafka Streams adds the application id and a suffix). */
    public static final String DEDUP_REPARTITION = "dedup";
    /** Signature lengths: shingles for copies, content words for stories. */
    private static final int SHINGLE_HASHES = 128;
    private static final int WORD_HASHES = 64;

    private ProcessorTopology() {
    }

    /**
     * The topology reading {@code input}'s raw topic and writing {@code output}'s classified and duplicates topics
     * (the same contract in the live pipeline; another prefix for a replay).
     */
    public static Topology build(ProcessorConfig config, Taxonomy taxonomy, Topics input, Topics output,
                                 Clock clock) {
        TextAnalyzer analyzer = new TextAnalyzer();
        MinHash shingleHash = new MinHash(SHINGLE_HASHES);
        AnnouncementAnalyzer classify = new AnnouncementAnalyzer(new TextCleaner(config.maxTextChars()),
                new LanguageGuesser(config.languages()), analyzer,
                new Classifier(taxonomy, analyzer, config.aiSubstantiveScore()),
                shingleHash, new MinHash(WORD_HASHES), clock);

        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(store(DedupProcessor.SIGNATURES, DedupSerdes.remembered()));
        builder.addStateStore(store(DedupProcessor.EXACT, Serdes.String()));
        builder.addStateStore(store(DedupProcessor.BANDS, Serdes.String()));
        builder.addStateStore(store(DedupProcessor.STORIES, Serdes.ByteArray()));
        builder.addStateStore(store(DedupProcessor.EXPIRY, Serdes.String()));

        builder.stream(input.raw().name(), StreamsTopics.consumed(input.raw())
                        .withTimestampExtractor(new PublicationTimeExtractor()).withName("raw"))
                .mapValues(classify::analyze, Named.as("classify"))
                .repartition(Repartitioned.<String, Candidate>as(DEDUP_REPARTITION)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(DedupSerdes.candidate())
                        .withNumberOfPartitions(1))
                .process(() -> new DedupProcessor(config.dedup(), shingleHash), Named.as("deduplicate"),
                        DedupProcessor.SIGNATURES, DedupProcessor.EXACT, DedupProcessor.BANDS, DedupProcessor.STORIES,
                        DedupProcessor.EXPIRY)
                .split(Named.as("outcome-"))
                .branch((id, outcome) -> outcome.firstSeen() != null, Branched.withConsumer(firstSeen -> firstSeen
                        .mapValues(DedupOutcome::firstSeen, Named.as("first-seen"))
                        .to(output.classified().name(), StreamsTopics.produced(output.classified())
                                .withStreamPartitioner(new StoryPartitioner())), "first-seen"))
                .defaultBranch(Branched.withConsumer(copies -> copies
                        .mapValues(DedupOutcome::duplicate, Named.as("copy"))
                        .to(output.duplicates().name(), StreamsTopics.produced(output.duplicates())), "duplicate"));
        return builder.build();
    }

    private static <V> StoreBuilder<?> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
    }

    /** The Kafka Streams properties of the processor: exactly-once, dead-letter topic, state directory. */
    public static Properties properties(ProcessorConfig config, KafkaConfig kafka, Topics output) {
        return StreamsProperties.exactlyOnce(config.applicationId(), config.threads(), config.stateDir(),
                config.commitInterval(), kafka, output.deadLetter().name());
    }
}
