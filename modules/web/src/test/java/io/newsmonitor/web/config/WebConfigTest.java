package io.newsmonitor.web.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmonitor.config.ConfigException;
import io.newsmonitor.config.Setting;
import io.newsmonitor.config.Settings;
import io.newsmonitor.sink.config.SinkConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebConfigTest {

    private static WebConfig load(String listen, String token) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        ObjectNode http = root.putObject("sink").putObject("http");
        if (listen != null) {
            http.put("listen", listen);
        }
        if (token != null) {
            http.put("token", token);
        }
        List<Setting<?>> declared = new ArrayList<>(SinkConfig.SETTINGS);
        declared.addAll(WebConfig.SETTINGS);
        return WebConfig.from(Settings.of("newsmonitor.yaml", root, declared));
    }

    @Test
    void byDefaultTheServerListensOnLoopbackWithoutAToken() {
        WebConfig config = load(null, null);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.loopback()).isTrue();
        assertThat(config.tokenRequired()).isFalse();
    }

    @Test
    void beyondLoopbackStartUpFailsWithoutATokenNamingTheKey() {
        assertThatThrownBy(() -> load("0.0.0.0:8080", null))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("sink.http.token");
                    assertThat(e.getMessage()).startsWith("newsmonitor.yaml: sink.http.token: required")
                            .contains("0.0.0.0:8080");
                });
    }

    @Test
    void beyondLoopbackWithATokenChangesNeedIt() {
        WebConfig config = load("0.0.0.0:9090", "s3cret-token-of-16+");
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.tokenRequired()).isTrue();
    }

    @Test
    void aShortTokenOrABadAddressIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> load(null, "short"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("sink.http.token"));
        assertThatThrownBy(() -> load("localhost", null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("sink.http.listen"));
        assertThatThrownBy(() -> load("localhost:70000", null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("sink.http.listen"));
    }
}
