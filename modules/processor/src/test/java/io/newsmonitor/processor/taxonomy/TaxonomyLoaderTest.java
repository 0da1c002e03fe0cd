package io.newsmonitor.processor.taxonomy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.config.ConfigException;
import io.newsmonitor.testkit.TestConfigDir;
import io.newsmonitor.text.TextAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyLoaderTest {

    @Test
    void aDictionaryIdMayNotTakeThePrefixOfRecognisedOrganisations(@TempDir Path dir) throws Exception {
        Path config = TestConfigDir.projectConfig();
        Files.writeString(dir.resolve("actors.yaml"), Files.readString(config.resolve("actors.yaml"))
                .replace("  - id: inria\n", "  - id: unlisted-inria\n"));
        Files.copy(config.resolve("themes.yaml"), dir.resolve("themes.yaml"));

        assertThatThrownBy(() -> new TaxonomyLoader(new TextAnalyzer()).load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'unlisted-inria' starts with 'unlisted-', which is kept for organisations "
                        + "recognised outside the dictionary");
    }
}
