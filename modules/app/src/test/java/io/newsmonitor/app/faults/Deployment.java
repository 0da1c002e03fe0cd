package io.newsmonitor.app.faults;

import static org.awaitility.Awaitility.await;

import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Pipeline;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.Topic;
import io.newsmonitor.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One newsmonitor deployment of a fault test: its own topic prefix, groups and application ids on the shared broker,
 * and its instance slots, each a configuration directory with a state directory of its own (see
 * {@link InstanceConfig}).
 */
final class Deployment {

    static final int PARTITIONS = 2;
    private static final Duration READ_EVERY = Duration.ofSeconds(2);

    private final String bootstrapServers;
    private final Path root;
    private final String prefix;

    private Deployment(String bootstrapServers, Path root, String prefix) {
        this.bootstrapServers = bootstrapServers;
        this.root = root;
        this.prefix = prefix;
    }

    /** A deployment with its topics created and its subscriptions seeded, as a role's start-up does. */
    static Deployment create(String bootstrapServers, Path root, String label) {
        Deployment deployment = new Deployment(bootstrapServers, root, TestTopics.uniquePrefix(label));
        Pipeline.prepare(deployment.config("setup"), false);
        return deployment;
    }

    Topics topics() {
        return new Topics(prefix, PARTITIONS, (short) 1);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The configuration of an instance slot, written on first use. */
    AppConfig config(String instance) {
        return AppConfig.load(slot(instance, "feeds: []\n"), bootstrapServers, null);
    }

    /** Writes an instance slot with these sources and returns its directory. */
    Path slot(String instance, String feeds) {
        return InstanceConfig.write(root, prefix, instance, PARTITIONS, feeds);
    }

    /** Starts {@code command} ({@code process}, {@code sink}) as a child process in the instance slot. */
    RoleProcess start(String command, String instance) {
        return RoleProcess.role(instance, command, slot(instance, "feeds: []\n"), bootstrapServers);
    }

    /** Writes the mix to the raw topic in order, as one idempotent producer. */
    void produce(AnnouncementMix mix) {
        produce(mix.announcements());
    }

    /** Writes the announcements to the raw topic in order, as one idempotent producer. */
    void produce(List<Announcement> announcements) {
        Topic<String, Announcement> raw = topics().raw();
        try (KafkaProducer<String, Announcement> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                raw.keySerde().serializer(), raw.valueSerde().serializer())) {
            announcements.forEach(a -> producer.send(new ProducerRecord<>(raw.name(), a.id(), a)));
            producer.flush();
        }
    }

    /** What the deployment has committed so far. */
    Outcome outcome() {
        return Outcome.read(bootstrapServers, topics());
    }

    /** {@link #awaitLast} of the outcome. */
    Outcome awaitOutcome(Duration atMost, Predicate<Outcome> done) {
        return awaitLast(atMost, this::outcome, done);
    }

    /** Waits until the deployment has the outcome of an undisturbed run of the mix, or its budget is spent. */
    Outcome awaitOutcomeOf(AnnouncementMix mix, Outcome undisturbed) {
        return awaitOutcome(FaultParameters.budget(mix.announcements().size()),
                o -> o.reached(mix.ids(), undisturbed.alerts().keySet(), undisturbed.aggregates()));
    }

    /**
     * Reads until {@code done} holds or {@code atMost} has passed, and returns the last value read: the test's
     * assertions then say what is missing or extra.
     */
    static <T> T awaitLast(Duration atMost, Callable<T> read, Predicate<T> done) {
        try {
            return await().atMost(atMost).pollInterval(READ_EVERY).until(read, done);
        } catch (ConditionTimeoutException e) {
            try {
                return read.call();
            } catch (Exception readFailed) {
                throw new IllegalStateException(readFailed);
            }
        }
    }

    /** Starts roles in this JVM (the undisturbed baseline). */
    Pipeline startInProcess(Set<Pipeline.Role> roles) {
        return Pipeline.start(config("in-process"), roles);
    }
}
