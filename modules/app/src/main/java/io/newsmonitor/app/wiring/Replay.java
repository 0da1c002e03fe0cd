package io.newsmonitor.app.wiring;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.ThemeScore;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsmonitor.processor.Processor;
import io.newsmonitor.runtime.Fatal;
import io.newsmonitor.runtime.RoleHandle;
import io.newsmonitor.processor.config.ProcessorConfig;
import io.newsmonitor.topics.TopicCreator;
import io.newsmonitor.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reclassifies the whole raw history with the current dictionaries, beside the live pipeline, so that old and new
 * classifications can be compared before switching. It never mixes with the live output:
 * <ul>
 *   <li>its own application id ({@code <processor.applicationId>-replay-<name>}), hence its own consumer group,
 *       offsets, internal topics and state directory: it reads the raw topic from the beginning without touching
 *       the live processor's progress;</li>
 *   <li>its own output topics, under the prefix {@code <kafka.topicPrefix>.replay-<name>}, so no live reader sees
 *       its records;</li>
 *   <li>every record it writes carries the {@code taxonomyVersion} of the dictionaries that produced it.</li>
 * </ul>
 * The name defaults to the taxonomy version, so each dictionary state gets its own replay.
 */
public final class Replay {

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    private final AppConfig config;
    private final String name;

    /** @param name replay name, or {@code null} for the taxonomy version */
    public Replay(AppConfig config, String name) {
        this.config = config;
        this.name = name != null ? name : Processor.taxonomyVersion(config.dir());
    }

    /** The topics the replay writes. */
    public Topics output() {
        return config.kafka().topics().withPrefix(config.kafka().topicPrefix() + ".replay-" + name);
    }

    /** The replay's own processor settings. */
    public ProcessorConfig processorConfig() {
        ProcessorConfig live = config.processor();
        return live.withApplicationId(live.applicationId() + "-replay-" + name,
                Path.of(live.stateDir()).resolve("replay-" + name).toString());
    }

    /**
     * Starts reclassifying; the handle stops it.
     *
     * @param registry where the replay's processor puts its meters
     */
    public RoleHandle start(MeterRegistry registry) {
        Topics output = output();
        TopicCreator.ensure(config.kafka().commonProperties(),
                List.of(output.classified(), output.duplicates(), output.deadLetter()));
        LOG.info("Replay {}: reclassifying {} into {}.*", name, config.kafka().topics().raw().name(),
                output.prefix());
        return Processor.start(config.dir(), processorConfig(), config.kafka(), config.kafka().topics(), output,
                registry, Fatal.exitProcess());
    }

    /**
     * Waits until the replay has processed everything the raw topic held when this was called (its committed
     * offsets reach the last stable offsets of all its input topics, the internal ones included).
     */
    public void awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config.kafka().commonProperties())) {
            Map<TopicPartition, Long> rawEnd = stableEnds(admin, config.kafka().topics().raw().name());
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        processorConfig().applicationId()).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> targets = new HashMap<>(rawEnd);
                // The processor's internal topics must have caught up too. Kafka Streams creates them when it
                // starts; until then the replay has not caught up.
                List<String> internal = Processor.internalInputTopics(processorConfig().applicationId());
                if (!admin.listTopics().names().get().containsAll(internal)) {
                    Thread.sleep(CHECK_EVERY.toMillis());
                    continue;
                }
                for (String topic : internal) {
                    targets.putAll(stableEnds(admin, topic));
                }
                boolean done = targets.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || committed.containsKey(e.getKey()) && committed.get(e.getKey()).offset() >= e.getValue());
                if (done) {
                    return;
                }
                Thread.sleep(CHECK_EVERY.toMillis());
            }
            throw new IllegalStateException("replay " + name + " did not catch up within " + timeout.toMinutes()
                    + " min; it goes on where it stopped when started again");
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot follow the replay's progress: " + e.getCause(), e);
        }
    }

    private static Map<TopicPartition, Long> stableEnds(Admin admin, String topic)
            throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        Map<TopicPartition, Long> result = new HashMap<>();
        ends.forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }

    /** How the replay's classification differs from the live one. */
    public record Comparison(int live, int replayed, int onlyLive, int onlyReplayed, int cooperationChanged,
                             int actorsChanged, int themesChanged, List<String> examples) {
    }

    /** What the comparison needs of a classified announcement: a few hundred bytes, not the whole record. */
    private record Summary(String title, boolean aiCooperation, List<String> actors, List<String> themes) {
        static Summary of(ClassifiedAnnouncement a) {
            return new Summary(a.title(), a.aiCooperation(), actorIds(a), themeIds(a));
        }
    }

    /** Compares the live and the replayed classified topics, announcement by announcement. */
    public Comparison compare() {
        Map<String, Summary> live = Seeder.current(config.kafka().commonProperties(),
                config.kafka().topics().classified(), Summary::of);
        Map<String, Summary> replayed = Seeder.current(config.kafka().commonProperties(), output().classified(),
                Summary::of);
        int onlyLive = 0;
        int cooperation = 0;
        int actors = 0;
        int themes = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, Summary> entry : live.entrySet()) {
            Summary old = entry.getValue();
            Summary now = replayed.get(entry.getKey());
            if (now == null) {
                onlyLive++;
                continue;
            }
            if (old.aiCooperation() != now.aiCooperation()) {
                cooperation++;
                if (examples.size() < 10) {
                    examples.add(entry.getKey() + " aiCooperation " + old.aiCooperation() + " -> "
                            + now.aiCooperation() + ": " + old.title());
                }
            }
            if (!old.actors().equals(now.actors())) {
                actors++;
            }
            if (!old.themes().equals(now.themes())) {
                themes++;
            }
        }
        int onlyReplayed = (int) replayed.keySet().stream().filter(id -> !live.containsKey(id)).count();
        return new Comparison(live.size(), replayed.size(), onlyLive, onlyReplayed, cooperation, actors, themes,
                examples);
    }

    private static List<String> actorIds(ClassifiedAnnouncement a) {
        return a.actors().stream().map(ActorMention::id).sorted().toList();
    }

    private static List<String> themeIds(ClassifiedAnnouncement a) {
        return a.themes().stream().map(ThemeScore::id).sorted().toList();
    }

    /** The replay's name. */
    public String name() {
        return name;
    }
}
