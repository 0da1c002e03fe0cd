package io.newsmonitor.app;

import static io.newsmonitor.app.TestApp.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.app.wiring.Pipeline;
import io.newsmonitor.app.wiring.Seeder;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.PollerState;
import io.newsmonitor.model.SourceType;
import io.newsmonitor.testkit.KafkaBroker;
import io.newsmonitor.testkit.KafkaBrokerExtension;
import io.newsmonitor.testkit.KafkaTestClients;
import io.newsmonitor.testkit.TestTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsmonitor feeds add|remove|list|status}: the source list and its state, at run time. */
@ExtendWith(KafkaBrokerExtension.class)
class FeedsCommandTest {

    @Test
    void addsListsReportsAndRemovesSources(KafkaBroker broker, @TempDir Path temp) {
        String prefix = TestTopics.uniquePrefix("feeds");
        Path dir = TestApp.configDir(temp, prefix, """
                feeds:
                  - id: heise
                    url: https://www.heise.de/rss/heise-atom.xml
                    type: atom
                """, "subscriptions: []\n");
        AppConfig config = AppConfig.load(dir, broker.bootstrapServers(), null);
        Pipeline.prepare(config, true);
        String[] kafka = {"--config", dir.toString(), "--bootstrap-servers", broker.bootstrapServers()};

        assertThat(run(kafka, "feeds", "add", "oecd-ai", "https://oecd.ai/en/feed", "--type", "rss", "--interval",
                "30m", "--language", "en", "--tag", "international")).contains("added oecd-ai");
        Map<String, FeedSource> sources = Seeder.current(config.kafka().commonProperties(),
                config.kafka().topics().feeds());
        assertThat(sources).containsOnlyKeys("heise", "oecd-ai");
        assertThat(sources.get("oecd-ai").type()).isEqualTo(SourceType.RSS);
        assertThat(sources.get("oecd-ai").interval()).isEqualTo(Duration.ofMinutes(30));

        assertThat(run(kafka, "feeds", "list")).contains("heise", "https://www.heise.de/rss/heise-atom.xml",
                "oecd-ai", "30m");

        KafkaTestClients.produce(broker.bootstrapServers(), config.kafka().topics().pollerState(), "heise",
                new PollerState("heise", PollerState.Status.FAILING, null, null, List.of(), null, Instant.now(),
                        "server answered 503 (HTTP 503) at https://www.heise.de/rss/heise-atom.xml", 3, null,
                        Instant.parse("2026-11-22T12:00:00Z"), 0, null));
        String status = run(kafka, "feeds", "status");
        assertThat(status).contains("heise", "FAILING", "server answered 503 (HTTP 503)");
        assertThat(status.lines().filter(l -> l.startsWith("oecd-ai")).findFirst().orElseThrow()).contains("NEW");

        assertThat(run(kafka, "feeds", "remove", "oecd-ai")).contains("removed oecd-ai");
        assertThat(Seeder.current(config.kafka().commonProperties(), config.kafka().topics().feeds()))
                .containsOnlyKeys("heise");
    }
}
