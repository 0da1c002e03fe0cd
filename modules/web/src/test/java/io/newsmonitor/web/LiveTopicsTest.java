package io.newsmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.model.DeliveryState;
import io.newsmonitor.runtime.Health;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live-topics consumer of a server started before its broker follows the topics once the broker answers. */
@ExtendWith(KafkaBrokerExtension.class)
class LiveTopicsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aServerStartedBeforeItsBrokerFollowsTheTopicsOnceTheBrokerAnswers(KafkaBroker broker) throws Exception {
        // given topics on a broker that the server reaches only through an address nothing listens on yet
        String bootstrap = broker.bootstrapServers().split(",")[0];
        Topics topics = new KafkaConfig(bootstrap, TestTopics.uniquePrefix("live"), 2, (short) 1, Map.of()).topics();
        KafkaTestClients.createTopics(bootstrap, topics);
        try (LateListener late = new LateListener();
             LiveEvents events = new LiveEvents(16, Duration.ofSeconds(15), new SimpleMeterRegistry());
             LiveTopics live = new LiveTopics(clientProperties(late.address()), topics, events)) {

            // when it starts, finds no broker for longer than its clients wait, and then the broker answers
            live.start(Duration.ofMillis(100));
            await().atMost(WAIT).until(() -> live.health().equals(Health.notReady("WAITING FOR THE BROKER")));
            int colon = bootstrap.lastIndexOf(':');
            late.forwardTo(bootstrap.substring(0, colon), Integer.parseInt(bootstrap.substring(colon + 1)));

            // then it follows the topics: a delivery state written now is read
            await().atMost(WAIT).until(() -> live.health().equals(Health.ready("FOLLOWING")));
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            DeliveryState state = new DeliveryState("fr", "https://hooks.example.org/x", 3, 1, 0, 2, now,
                    "HTTP 503 from hooks.example.org", now, now);
            KafkaTestClients.produce(bootstrap, topics.deliveryState(), "fr", state);
            await().atMost(WAIT).untilAsserted(() -> assertThat(live.deliveryStates()).containsExactly(state));
        }
    }

    /** Clients that give up on an unanswered request after a second, so that the test does not wait a minute. */
    private static Map<String, Object> clientProperties(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 1_000);
        props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 1_000);
        return props;
    }
}
