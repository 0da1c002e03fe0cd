package io.newsmonitor.poller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.CompactedTopicReader;
import io.newsmonitor.topics.CompactedTopicReader.Snapshot;
import io.newsmonitor.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How a poller reads its sources' states back when it takes partitions (again): the transactions open on them are
 * waited for, so that a commit whose markers the broker has not written yet (after a broker restart, say) is read
 * and its announcements are not published a second time.
 */
@ExtendWith(KafkaBrokerExtension.class)
class StateRestoreTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaConfig kafka;
    private final KafkaProducer<String, PollerState> producer;

    StateRestoreTest(KafkaBroker broker) {
        this.kafka = new KafkaConfig(broker.bootstrapServers(), TestTopics.uniquePrefix("restore"), 1, (short) 1,
                Map.of());
        KafkaTestClients.createTopics(kafka.bootstrapServers(), kafka.topics());
        Topic<String, PollerState> states = kafka.topics().pollerState();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, kafka.topics().pollerState().name() + "-writer"),
                new StringSerializer(), states.valueSerde().serializer());
        producer.initTransactions();
    }

    @AfterEach
    void close() {
        producer.close(Duration.ZERO);
    }

    @Test
    void aStateInATransactionStillOpenIsReadOnceItCommits() throws Exception {
        // given a committed state, and a newer one in a transaction not yet ended
        committedThenOpen();

        // when the states are read with time to settle, and the transaction commits meanwhile
        CompletableFuture<Snapshot<PollerState>> read = readSettledMeanwhile();
        producer.commitTransaction();

        // then the read waited for it and holds the newer state
        assertThat(read.get(WAIT.toSeconds(), TimeUnit.SECONDS).values().get("a").seenIds())
                .containsExactly("second");
    }

    @Test
    void aStateInATransactionThatAbortsIsNotRead() throws Exception {
        committedThenOpen();

        CompletableFuture<Snapshot<PollerState>> read = readSettledMeanwhile();
        producer.abortTransaction();

        assertThat(read.get(WAIT.toSeconds(), TimeUnit.SECONDS).values().get("a").seenIds())
                .containsExactly("first");
    }

    @Test
    void aTransactionOpenLongerThanTheSettleTimeLeavesTheCommittedStates() {
        committedThenOpen();

        Snapshot<PollerState> snapshot = CompactedTopicReader.read(kafka.commonProperties(),
                kafka.topics().pollerState(), List.of(0), Function.identity(), Duration.ofSeconds(1));

        assertThat(snapshot.values().get("a").seenIds()).containsExactly("first");
    }

    @Test
    void withoutSettleTimeTheReadStopsAtTheLastStableOffset() {
        committedThenOpen();

        Snapshot<PollerState> snapshot = CompactedTopicReader.read(kafka.commonProperties(),
                kafka.topics().pollerState(), List.of(0), Function.identity());

        assertThat(snapshot.values().get("a").seenIds()).containsExactly("first");
    }

    /** A committed state "first" of source "a", then "second" in a transaction left open. */
    private void committedThenOpen() {
        write(state("a", "first"));
        producer.beginTransaction();
        send(state("a", "second"));
    }

    /** Starts a settled read and checks that it is still waiting two seconds on. */
    private CompletableFuture<Snapshot<PollerState>> readSettledMeanwhile() {
        CompletableFuture<Snapshot<PollerState>> read = CompletableFuture.supplyAsync(this::readSettled);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !read.isDone());
        return read;
    }

    private Snapshot<PollerState> readSettled() {
        return CompactedTopicReader.read(kafka.commonProperties(), kafka.topics().pollerState(), List.of(0),
                Function.identity(), SETTLE);
    }

    private void write(PollerState state) {
        producer.beginTransaction();
        send(state);
        producer.commitTransaction();
    }

    private void send(PollerState state) {
        producer.send(new ProducerRecord<>(kafka.topics().pollerState().name(), 0, state.sourceId(), state));
        producer.flush();
    }

    private static PollerState state(String sourceId, String seenId) {
        return new PollerState(sourceId, PollerState.Status.OK, null, null, List.of(seenId), null, null, null, 0,
                null, null, 1, null);
    }
}
