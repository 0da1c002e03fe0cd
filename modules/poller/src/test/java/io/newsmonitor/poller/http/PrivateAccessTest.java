package io.newsmonitor.poller.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.model.FeedSource;
import io.newsmonitor.model.SourceType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the source's own configuration grants access, and only to its own host, whatever the scheme and port. */
class PrivateAccessTest {

    private static FeedSource source(String url, boolean allowPrivateNetwork) {
        return new FeedSource("s", null, url, SourceType.RSS, Duration.ofMinutes(5), null, null, false, null,
                List.of(), true, true, allowPrivateNetwork, null);
    }

    @Test
    void aSourceIsTrustedOnlyByItsOwnConfiguration() {
        assertThat(PrivateAccess.of(source("http://10.0.0.5/feed.xml", false))).isEqualTo(PrivateAccess.NONE);
        assertThat(PrivateAccess.of(source("http://127.0.0.1:8080/feed.xml", false))).isEqualTo(PrivateAccess.NONE);
        assertThat(PrivateAccess.of(source("http://Intranet.Test:8080/feed.xml", true)).host())
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
        assertThat(PrivateAccess.of(source("http://10.0.0.5/feed.xml", false)).grant())
                .isEqualTo("allowPrivateNetwork is off");
        assertThat(PrivateAccess.of(source("http://Intranet.Test:8080/feed.xml", true)).grant())
                .isEqualTo("allowPrivateNetwork covers only intranet.test");
    }
}
