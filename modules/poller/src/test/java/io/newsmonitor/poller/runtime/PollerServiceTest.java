package io.newsmonitor.poller.runtime;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.config.Settings;
import io.newsmonitor.json.Json;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.model.SourceType;
import io.newsmonitor.poller.config.PollerConfig;
import io.newsmonitor.runtime.Health;
import io.newsmonitor.testkit.FixtureResponse;
import io.newsmonitor.testkit.FixtureServer;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestTopics;
import io.newsmonitor.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Poller instances on a real broker: announcements and state are published together, a restarted poller resumes
 * from the state topic and republishes nothing, and instances share the sources through their consumer group.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PollerServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final FixtureServer server = FixtureServer.start();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Runnable> stops = new ArrayList<>();

    @AfterEach
    void close() {
        Collections.reverse(stops);
        stops.forEach(Runnable::run);
        server.close();
    }

    private static KafkaConfig kafka(KafkaBroker broker, String prefix, int partitions) throws Exception {
        KafkaConfig kafka = new KafkaConfig(broker.bootstrapServers(), prefix, partitions, (short) 1, Map.of());
        KafkaTestClients.createTopics(kafka.bootstrapServers(), kafka.topics());
        return kafka;
    }

    /** A running poller and its thread. */
    private record Running(PollerService service, Thread thread) {
        /** Stops the poller and waits until its loop has ended (no request of it is under way any more). */
        void stop() {
            PollerServiceTest.stop(service, thread);
        }
    }

    private Running start(KafkaConfig kafka, String group, String instance, String userAgent) {
        ObjectNode yaml = Json.mapper().createObjectNode();
        ObjectNode poller = yaml.putObject("poller");
        poller.put("groupId", group).put("instanceId", instance).put("hostGap", "0s").put("userAgent", userAgent)
                .put("sessionTimeout", "6s").put("workers", 4);
        PollerService service = PollerService.create(PollerConfig.from(Settings.of("test", yaml,
                PollerConfig.SETTINGS)), kafka, registry);
        Thread thread = new Thread(service::run, instance);
        thread.start();
        Running running = new Running(service, thread);
        stops.add(running::stop);
        return running;
    }

    private static void stop(PollerService service, Thread thread) {
        service.close();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A source on the fixture server: on loopback, so it must allow private networks. */
    private FeedSource source(String id, String path) {
        return new FeedSource(id, id, server.url(path), SourceType.RSS, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(2), false, "en", List.of(), true, false, true, null);
    }

    private static Map<String, PollerState> statesWhen(KafkaBroker broker, Topics topics,
                                                       Predicate<Map<String, PollerState>> ready) {
        Map<String, PollerState> states = new HashMap<>();
        await().atMost(WAIT).until(() -> {
            KafkaTestClients.consume(broker.bootstrapServers(), topics.pollerState(), 1000, Duration.ofSeconds(1))
                    .forEach(r -> states.put(r.key(), r.value()));
            return ready.test(states);
        });
        return states;
    }

    private static String rss(int items) {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title>");
        for (int i = 1; i <= items; i++) {
            xml.append("<item><title>AI cooperation news ").append(i).append("</title><link>https://example.org/n/")
                    .append(i).append("</link><pubDate>Tue, 10 Feb 2026 09:00:00 GMT</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    @Test
    void aRestartedPollerResumesFromTheStateTopicAndRepublishesNothing() throws Exception {
        String prefix = TestTopics.uniquePrefix("restart");
        KafkaConfig kafka = kafka(broker, prefix, 2);
        Topics topics = kafka.topics();
        server.enqueue("/feed", FixtureResponse.ok("application/rss+xml", rss(2)));
        KafkaTestClients.produce(broker.bootstrapServers(), topics.feeds(), "src", source("src", "/feed"));

        Running first = start(kafka, prefix + "-poller", "one", "agent-one");
        assertThat(KafkaTestClients.consume(broker.bootstrapServers(), topics.raw(), 2, WAIT)).hasSize(2);
        first.stop();

        server.handle("/feed", request -> FixtureResponse.ok("application/rss+xml", rss(3)));
        start(kafka, prefix + "-poller", "two", "agent-two");
        Map<String, PollerState> states = statesWhen(broker, topics, s -> s.containsKey("src")
                && s.get("src").published() == 3);

        // the state and the announcements it counts commit in one transaction: all of them are visible now
        List<ConsumerRecord<String, Announcement>> raw = KafkaTestClients.consumeCommitted(broker.bootstrapServers(),
                topics.raw(), WAIT);
        assertThat(raw).extracting(r -> r.value().title()).containsExactlyInAnyOrder("AI cooperation news 1",
                "AI cooperation news 2", "AI cooperation news 3");
        assertThat(states.get("src").seenIds()).hasSize(3);
        assertThat(states.get("src").status()).isEqualTo(PollerState.Status.OK);
    }

    @Test
    void aBrokenSourceIsReportedInItsStateAndTheOthersKeepFlowing() throws Exception {
        String prefix = TestTopics.uniquePrefix("broken");
        KafkaConfig kafka = kafka(broker, prefix, 2);
        Topics topics = kafka.topics();
        server.enqueue("/good", FixtureResponse.ok("application/rss+xml", rss(2)));
        server.enqueue("/error-page", FixtureResponse.ok("text/html",
                "<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1></body></html>"));
        server.enqueue("/gone", FixtureResponse.status(404));
        for (String id : List.of("good", "error-page", "gone")) {
            KafkaTestClients.produce(broker.bootstrapServers(), topics.feeds(), id, source(id, "/" + id));
        }

        start(kafka, prefix + "-poller", "one", "agent-one");

        assertThat(KafkaTestClients.consume(broker.bootstrapServers(), topics.raw(), 2, WAIT))
                .extracting(r -> r.value().sourceId()).containsOnly("good");
        Map<String, PollerState> states = statesWhen(broker, topics,
                s -> s.keySet().containsAll(List.of("good", "error-page", "gone")));
        assertThat(states.get("good").status()).isEqualTo(PollerState.Status.OK);
        assertThat(states.get("error-page").status()).isEqualTo(PollerState.Status.FAILING);
        assertThat(states.get("error-page").lastError()).isEqualTo("HTML page where a feed was expected at "
                + server.url("/error-page"));
        assertThat(states.get("gone").lastError()).isEqualTo("server answered 404 (HTTP 404) at "
                + server.url("/gone"));
        assertThat(states.get("gone").consecutiveFailures()).isGreaterThanOrEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(registry.get("newsmonitor.poller.announcements.published").tag("source", "good").counter()
                    .count()).isEqualTo(2);
            assertThat(registry.get("newsmonitor.poller.polls").tags("source", "gone", "outcome", "failing").timer()
                    .count()).isGreaterThanOrEqualTo(1);
            assertThat(registry.get("newsmonitor.poller.polls").tags("source", "good", "outcome", "ok").timer()
                    .count()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void poisonRecordsOnTheFeedsTopicAreSkippedAndTheOtherSourcesKeepFlowing() throws Exception {
        String prefix = TestTopics.uniquePrefix("poison");
        KafkaConfig kafka = kafka(broker, prefix, 1);
        Topics topics = kafka.topics();
        server.enqueue("/good", FixtureResponse.ok("application/rss+xml", rss(2)));
        String feeds = topics.feeds().name();
        KafkaTestClients.produceBytes(broker.bootstrapServers(), feeds, "not-json", "{oops".getBytes(UTF_8), null);
        KafkaTestClients.produceBytes(broker.bootstrapServers(), feeds, "ftp-url", ("{\"id\":\"ftp-url\","
                + "\"url\":\"ftp://example.org/feed\",\"type\":\"rss\",\"interval\":\"PT1S\"}").getBytes(UTF_8),
                null);
        KafkaTestClients.produceBytes(broker.bootstrapServers(), feeds, "wrong-types", ("{\"id\":\"wrong-types\","
                + "\"url\":\"https://example.org/\",\"type\":\"rss\",\"interval\":[1,2]}").getBytes(UTF_8), null);
        KafkaTestClients.produce(broker.bootstrapServers(), topics.feeds(), "good", source("good", "/good"));

        Running running = start(kafka, prefix + "-poller", "one", "agent-one");

        assertThat(KafkaTestClients.consume(broker.bootstrapServers(), topics.raw(), 2, WAIT))
                .extracting(r -> r.value().sourceId()).containsOnly("good");
        assertThat(running.thread().isAlive()).as("the poller keeps running").isTrue();
        assertThat(running.service().failed()).isFalse();
        assertThat(running.service().health()).isEqualTo(Health.ready("1 feeds partitions"));
    }

    @Test
    void anAnnouncementKafkaRefusesFailsOnlyItsOwnSource() throws Exception {
        String prefix = TestTopics.uniquePrefix("too-large");
        KafkaConfig kafka = new KafkaConfig(broker.bootstrapServers(), prefix, 1, (short) 1,
                Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "20000"));
        KafkaTestClients.createTopics(kafka.bootstrapServers(), kafka.topics());
        Topics topics = kafka.topics();
        String body = "AI cooperation between France and Germany. ".repeat(800);
        server.handle("/large", request -> FixtureResponse.ok("application/rss+xml", rss(1)
                .replace("</title><link>", "</title><description>" + body + "</description><link>")));
        server.handle("/small", request -> FixtureResponse.ok("application/rss+xml",
                rss(2).replace("example.org/n/", "example.org/small/")));
        KafkaTestClients.produce(broker.bootstrapServers(), topics.feeds(), "large", source("large", "/large"));
        KafkaTestClients.produce(broker.bootstrapServers(), topics.feeds(), "small", source("small", "/small"));

        Running running = start(kafka, prefix + "-poller", "one", "agent-one");

        assertThat(KafkaTestClients.consume(broker.bootstrapServers(), topics.raw(), 2, WAIT))
                .extracting(r -> r.value().sourceId()).containsOnly("small");
        Map<String, PollerState> states = statesWhen(broker, topics, s -> s.containsKey("large")
                && s.get("large").status() == PollerState.Status.FAILING);
        assertThat(states.get("large").lastError()).startsWith("announcements not published: RecordTooLargeException");
        assertThat(states.get("large").seenIds()).as("the item stays unpublished, offered again next poll").isEmpty();
        assertThat(running.service().failed()).isFalse();
    }

    @Test
    void aCenturyLongRetryAfterWaitsNoLongerThanTheSourcesMaximumAndFreesTheHost() throws Exception {
        String prefix = TestTopics.uniquePrefix("retry-after");
        KafkaConfig kafka = kafka(broker, prefix, 1);
        Topics topics = kafka.topics();
        server.handle("/busy", request -> FixtureResponse.status(503).withHeader("Retry-After", "99999999999999"));
        server.handle("/calm", request -> FixtureResponse.ok("application/rss+xml", rss(1)));
        KafkaTestClients.produce(broker.bootstrapServers(), topics.feeds(), "busy", source("busy", "/busy"));
        KafkaTestClients.produce(broker.bootstrapServers(), topics.feeds(), "calm", source("calm", "/calm"));
        start(kafka, prefix + "-poller", "one", "agent-one");

        Map<String, PollerState> states = statesWhen(broker, topics, s -> s.containsKey("busy")
                && s.containsKey("calm"));
        PollerState busy = states.get("busy");
        assertThat(busy.status()).isEqualTo(PollerState.Status.FAILING);
        assertThat(busy.lastError()).as("the server's answer, not an error reading its header")
                .startsWith("server answered 503");
        assertThat(busy.nextPollAt()).as("Retry-After capped at maxInterval (2 s) plus jitter")
                .isBefore(Instant.now().plusMillis(2_300));
        long callsBefore = server.requestCount();
        await("both sources of the host are polled again").atMost(WAIT)
                .until(() -> server.requestCount() >= callsBefore + 4);
    }

    private KafkaBroker broker;

    @org.junit.jupiter.api.BeforeEach
    void broker(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void twoPollersShareTheSourcesAndOneTakesOverWhenTheOtherStops() throws Exception {
        String prefix = TestTopics.uniquePrefix("share");
        KafkaConfig kafka = kafka(broker, prefix, 4);
        Map<String, Set<String>> agentsByPath = new ConcurrentHashMap<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String path = "/feed-" + i;
            paths.add(path);
            server.handle(path, request -> {
                agentsByPath.computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet()).add(request.header("User-Agent"));
                return FixtureResponse.ok("application/rss+xml", rss(1).replace("news 1", "news " + path));
            });
            KafkaTestClients.produce(broker.bootstrapServers(), kafka.topics().feeds(), "src-" + i,
                    source("src-" + i, path));
        }

        Running one = start(kafka, prefix + "-poller", "one", "agent-one");
        start(kafka, prefix + "-poller", "two", "agent-two");
        await().atMost(WAIT).until(() -> agentsByPath.keySet().containsAll(paths)
                && agentsByPath.values().stream().flatMap(Set::stream).distinct().count() == 2);
        // Polls made before the second instance joined the group are not the steady state: start counting anew.
        agentsByPath.clear();
        await().atMost(WAIT).until(() -> agentsByPath.keySet().containsAll(paths));
        Thread.sleep(2000);
        Map<String, Set<String>> shared = new HashMap<>();
        agentsByPath.forEach((path, agents) -> shared.put(path, Set.copyOf(agents)));

        assertThat(shared).as("every source polled").containsOnlyKeys(paths);
        assertThat(shared.values()).as("no source polled by both").allMatch(agents -> agents.size() == 1);

        one.stop();
        agentsByPath.clear();
        await().atMost(WAIT).until(() -> agentsByPath.keySet().containsAll(paths));
        Set<String> after = new HashSet<>();
        agentsByPath.values().forEach(after::addAll);
        assertThat(after).as("the remaining poller took every source over").containsExactly("agent-two");
    }
}
