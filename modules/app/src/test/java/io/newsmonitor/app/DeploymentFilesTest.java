package io.newsmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmonitor.app.wiring.AppConfig;
import io.newsmonitor.rules.Rules;
import io.newsmonitor.sink.config.SubscriptionCatalog;
import io.newsmonitor.testkit.TestConfigDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No engine runs containers here, so {@code docker-compose.yml} is kept correct by reading it: every role service
 * runs a real subcommand of the application, and every host path it mounts exists in the repository.
 */
class DeploymentFilesTest {

    private static final Path ROOT = TestConfigDir.projectConfig().getParent();

    @Test
    void everyRoleServiceRunsARealSubcommandAndMountsExistingPaths() throws IOException {
        // SnakeYAML resolves the anchors and merge keys (<<: *role) that Compose files use.
        Object parsed = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        JsonNode compose = new ObjectMapper().valueToTree(parsed);
        Set<String> subcommands = Main.commandLine().getSubcommands().keySet();
        List<String> roleServices = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : iterable(compose.get("services"))) {
            JsonNode definition = service.getValue();
            if (!definition.path("image").asText().startsWith("newsmonitor")) {
                continue;
            }
            roleServices.add(service.getKey());
            JsonNode command = definition.get("command");
            assertThat(command).as("command of %s", service.getKey()).isNotNull();
            assertThat(subcommands).as("subcommand of %s", service.getKey()).contains(command.get(0).asText());
            assertThat(Main.commandLine().parseArgs(strings(command)).errors())
                    .as("arguments of %s", service.getKey()).isEmpty();
            for (JsonNode volume : definition.path("volumes")) {
                String host = volume.asText().split(":")[0];
                if (host.startsWith(".") || host.startsWith("/")) {
                    assertThat(ROOT.resolve(host).normalize()).as("mount of %s", service.getKey()).exists();
                }
            }
        }
        assertThat(roleServices).containsExactlyInAnyOrder("poller", "processor", "sink");
        assertThat(compose.at("/services/kafka/image").asText()).startsWith("apache/kafka:");
    }

    @Test
    void theDockerfileBuildsTheApplicationJarAndRunsItAsNonRoot() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("-pl modules/app -am", "newsmonitor.jar", "USER ");
        for (String line : dockerfile.lines().filter(l -> l.startsWith("COPY ") && !l.contains("--from")).toList()) {
            String source = line.split("\\s+")[1];
            assertThat(ROOT.resolve(source).normalize()).as(line).exists();
        }
    }

    @Test
    void theConfigurationDocumentListsEverySettingAsDeclared() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/configuration.md"));

        assertThat(doc).contains(AppConfig.settingsTable());
    }

    @Test
    void theShippedConfigurationLoads() {
        AppConfig config = AppConfig.load(TestConfigDir.projectConfig(), null, null);

        assertThat(config.kafka().topicPrefix()).isEqualTo("newsmonitor");
        assertThat(SubscriptionCatalog.load(config.subscriptionsFile(), Rules.load(config.dir()))).isNotEmpty();
    }

    private static String[] strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(e -> list.add(e.asText()));
        return list.toArray(String[]::new);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
