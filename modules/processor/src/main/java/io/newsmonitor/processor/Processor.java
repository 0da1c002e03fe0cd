package io.newsmonitor.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.processor.taxonomy.Taxonomy;
import io.newsmonitor.processor.taxonomy.TaxonomyLoader;
import io.newsmonitor.text.TextAnalyzer;
import io.newsmonitor.processor.config.ProcessorConfig;
import io.newsmonitor.processor.topology.ProcessorTopology;
import io.newsmonitor.runtime.Fatal;
import io.newsmonitor.runtime.RoleHandle;
import io.newsmonitor.streams.StreamsRole;
import io.newsmonitor.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The processor role, as a process starts it: an instance of the processor's Kafka Streams application. */
public final class Processor {

    private static final Logger LOG = LoggerFactory.getLogger(Processor.class);

    private Processor() {
    }

    /**
     * Starts a processor instance.
     *
     * @param configDir the configuration directory, whose dictionaries it loads
     * @param input     the topics it reads the raw announcements from
     * @param output    the topics it writes to: {@code input}'s in the live pipeline, others for a replay
     */
    public static RoleHandle start(Path configDir, ProcessorConfig config, KafkaConfig kafka, Topics input,
                                   Topics output, MeterRegistry registry, Fatal fatal) {
        Taxonomy taxonomy = taxonomy(configDir);
        LOG.info("Taxonomy {}: {} actors, {} themes", taxonomy.version(), taxonomy.actors().size(),
                taxonomy.themes().size());
        return StreamsRole.start("processor",
                ProcessorTopology.build(config, taxonomy, input, output, Clock.systemUTC()),
                ProcessorTopology.properties(config, kafka, output), registry, fatal);
    }

    /**
     * The internal topics an instance of {@code applicationId} reads besides the raw topic, as Kafka Streams names
     * them: what a reader of its progress must also see caught up.
     */
    public static List<String> internalInputTopics(String applicationId) {
        return List.of(applicationId + "-" + ProcessorTopology.DEDUP_REPARTITION + "-repartition");
    }

    /** The version of the dictionaries in {@code configDir}, as classified announcements carry it. */
    public static String taxonomyVersion(Path configDir) {
        return taxonomy(configDir).version();
    }

    private static Taxonomy taxonomy(Path configDir) {
        return new TaxonomyLoader(new TextAnalyzer()).load(configDir);
    }
}
