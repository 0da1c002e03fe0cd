package io.newsmonitor.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.config.ConfigException;
import io.newsmonitor.sink.SinkFixtures;
import org.junit.jupiter.api.Test;

/** The sink's HTTP addresses: where it listens, and where other instances reach it. */
class SinkConfigTest {

    @Test
    void byDefaultItListensOnLoopbackAndAdvertisesThatAddress() {
        SinkConfig config = SinkFixtures.config(sink -> { });

        assertThat(config.httpListen()).isEqualTo(new HostAndPort("127.0.0.1", 8080));
        assertThat(config.advertised()).contains(new HostAndPort("127.0.0.1", 8080));
    }

    @Test
    void anAdvertisedAddressIsTakenAsGiven() {
        SinkConfig config = SinkFixtures.config(sink -> sink.putObject("http").put("listen", "0.0.0.0:8080")
                .put("advertised", "sink-2.internal:8080"));

        assertThat(config.advertised()).contains(new HostAndPort("sink-2.internal", 8080));
    }

    @Test
    void onEveryInterfaceItAdvertisesThisMachinesName() {
        SinkConfig config = SinkFixtures.config(sink -> sink.putObject("http").put("listen", "0.0.0.0:9000"));

        assertThat(config.advertised()).hasValueSatisfying(address -> {
            assertThat(address.isWildcard()).isFalse();
            assertThat(address.port()).isEqualTo(9000);
        });
    }

    @Test
    void onAnyFreePortItAdvertisesNothing() {
        SinkConfig config = SinkFixtures.config(sink -> sink.putObject("http").put("listen", "127.0.0.1:0"));

        assertThat(config.advertised()).isEmpty();
    }

    @Test
    void anAddressWithoutPortIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> SinkFixtures.config(sink -> sink.putObject("http").put("listen", "localhost")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sink.http.listen")
                .hasMessageContaining("host:port");
    }

    @Test
    void anIpv6AddressIsWrittenInBrackets() {
        HostAndPort address = HostAndPort.parse("[::1]:8080");

        assertThat(address).isEqualTo(new HostAndPort("::1", 8080));
        assertThat(address).hasToString("[::1]:8080");
        assertThatThrownBy(() -> HostAndPort.parse("::1:8080")).hasMessageContaining("brackets");
    }

    @Test
    void aSeparateRunKeepsEverySettingButItsIdAndState() {
        SinkConfig config = SinkFixtures.config(sink -> sink.putObject("trends").put("minCount", 5));

        SinkConfig run = config.withApplicationId("bench-1-sink", "/tmp/bench-1");

        assertThat(run).isEqualTo(new SinkConfig("bench-1-sink", config.threads(), "/tmp/bench-1", config.grace(),
                config.storyMemory(), config.queryRetention(), config.httpListen(), config.httpAdvertised(), 5,
                config.trendThreshold(), config.backfillLimit(), config.emitInterval(), config.commitInterval()));
        assertThatThrownBy(() -> config.withApplicationId("no spaces", "/tmp")).hasMessageContaining("letters");
    }
}
