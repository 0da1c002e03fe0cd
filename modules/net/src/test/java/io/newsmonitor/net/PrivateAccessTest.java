package io.newsmonitor.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Only the configuration of a source or webhook grants access, and only to its own host, whatever the scheme and
 * port.
 */
class PrivateAccessTest {

    @Test
    void anAddressIsTrustedOnlyByItsOwnConfiguration() {
        assertThat(PrivateAccess.of("http://10.0.0.5/feed.xml", false)).isEqualTo(PrivateAccess.NONE);
        assertThat(PrivateAccess.of("http://127.0.0.1:8080/feed.xml", false)).isEqualTo(PrivateAccess.NONE);
        assertThat(PrivateAccess.of("http://Intranet.Test:8080/feed.xml", true).host())
                .isEqualTo("intranet.test");
    }

    @Test
    void coversTheConfiguredHostOnlyComparedCanonically() {
        PrivateAccess access = PrivateAccess.hostOf("https://INTRANET.test:8443/feed.xml");

        assertThat(access.allows("intranet.test")).isTrue();
        assertThat(access.allows("press.intranet.test")).isFalse();
        assertThat(access.allows("intranet.test.evil.example")).isFalse();
        assertThat(PrivateAccess.hostOf("http://[0:0:0:0:0:0:0:1]:8080/").allows("::1")).isTrue();
        assertThat(new PrivateAccess("::1")).isEqualTo(PrivateAccess.hostOf("http://[::1]/"));
        assertThat(PrivateAccess.NONE.allows("intranet.test")).isFalse();
    }

    @Test
    void anUnusableUrlGrantsNothing() {
        assertThat(PrivateAccess.hostOf("file:///etc/passwd")).isEqualTo(PrivateAccess.NONE);
        assertThat(PrivateAccess.hostOf("not a url")).isEqualTo(PrivateAccess.NONE);
        assertThatThrownBy(() -> new PrivateAccess("intranet.test/path")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrivateAccess("user@intranet.test")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusalNamesWhatTheConfigurationGrants() {
        assertThat(PrivateAccess.of("http://10.0.0.5/feed.xml", false).grant())
                .isEqualTo("allowPrivateNetwork is off");
        assertThat(PrivateAccess.of("http://Intranet.Test:8080/feed.xml", true).grant())
                .isEqualTo("allowPrivateNetwork covers only intranet.test");
    }
}
