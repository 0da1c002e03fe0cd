package io.newsmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Pipeline;
import io.newsmonitor.json.Json;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.TestTopics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsmonitor tail}: a topic's records as JSON lines, for people and scripts. */
@ExtendWith(KafkaBrokerExtension.class)
class TailCommandTest {

    @Test
    void printsEachRecordAsAJsonLineAndStopsAtTheEndWithNoFollow(KafkaBroker broker, @TempDir Path temp)
            throws Exception {
        String prefix = TestTopics.uniquePrefix("tail");
        Path dir = TestApp.configDir(temp, prefix, "feeds: []\n", """
                subscriptions:
                  - id: fr-ai
                    actors: [FR]
                    aiCooperation: true
                  - id: eu
                    anyActors: [EU]
                """);
        Pipeline.prepare(AppConfig.load(dir, broker.bootstrapServers(), null), false);
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(out));

        int status = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli.execute("tail", "subscriptions",
                "--no-follow", "--config", dir.toString(), "--bootstrap-servers", broker.bootstrapServers()));

        assertThat(status).isZero();
        assertThat(out.toString().lines()).hasSize(2).allSatisfy(line -> {
            JsonNode record = Json.mapper().readTree(line);
            assertThat(record.get("topic").asText()).isEqualTo(prefix + ".subscriptions");
            Subscription s = Json.mapper().treeToValue(record.get("value"), Subscription.class);
            assertThat(record.get("key").asText()).isEqualTo(s.id());
        });
    }
}
