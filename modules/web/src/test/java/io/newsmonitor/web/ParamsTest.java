package io.newsmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    private static Params params(Map<String, List<String>> query) {
        return new Params(query, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Params param(String name, String value) {
        return params(Map.of(name, List.of(value)));
    }

    @Test
    void anAbsentOrEmptyParameterIsNotGiven() {
        Params p = params(Map.of("actor", List.of("")));
        assertThat(p.text("actor")).isNull();
        assertThat(p.limit("limit", 50)).isEqualTo(50);
        assertThat(p.bool("aiCooperation")).isNull();
        assertThat(p.instant("since", null)).isNull();
    }

    @Test
    void aLimitIsAWholeNumberFromOneToAThousand() {
        assertThat(param("limit", "1000").limit("limit", 50)).isEqualTo(1000);
        for (String bad : List.of("0", "1001", "-3", "ten", "2.5")) {
            assertThatThrownBy(() -> param("limit", bad).limit("limit", 50))
                    .isInstanceOfSatisfying(RequestRefused.class, e -> {
                        assertThat(e.parameter()).isEqualTo("limit");
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).contains("'" + bad + "'");
                    });
        }
    }

    @Test
    void aBooleanIsTrueOrFalse() {
        assertThat(param("aiCooperation", "true").bool("aiCooperation")).isTrue();
        assertThat(param("aiCooperation", "false").bool("aiCooperation")).isFalse();
        assertThatThrownBy(() -> param("aiCooperation", "yes").bool("aiCooperation"))
                .isInstanceOfSatisfying(RequestRefused.class,
                        e -> assertThat(e.parameter()).isEqualTo("aiCooperation"));
    }

    @Test
    void anInstantIsWrittenAsAnInstantADayOrAnAge() {
        assertThat(param("since", "2025-03-01T08:30:00Z").instant("since", null))
                .isEqualTo(Instant.parse("2025-03-01T08:30:00Z"));
        assertThat(param("since", "2025-03-01").instant("since", null))
                .isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(param("since", "7d").instant("since", null)).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(param("since", "24h").instant("since", null)).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThatThrownBy(() -> param("from", "last week").instant("from", null))
                .isInstanceOfSatisfying(RequestRefused.class, e -> {
                    assertThat(e.parameter()).isEqualTo("from");
                    assertThat(e.getMessage()).contains("'last week'");
                });
    }

    @Test
    void aPeriodIsPositiveAndBounded() {
        assertThat(param("period", "30d").duration("period", Duration.ofDays(1), Duration.ofDays(90)))
                .isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> param("period", "91d").duration("period", Duration.ofDays(1), Duration.ofDays(90)))
                .isInstanceOfSatisfying(RequestRefused.class, e -> assertThat(e.parameter()).isEqualTo("period"));
        assertThatThrownBy(() -> param("period", "0d").duration("period", Duration.ofDays(1), Duration.ofDays(90)))
                .isInstanceOf(RequestRefused.class);
    }

    @Test
    void aParameterGivenTwiceOrTooLongIsRefused() {
        assertThatThrownBy(() -> params(Map.of("actor", List.of("FR", "DE"))).text("actor"))
                .isInstanceOfSatisfying(RequestRefused.class, e -> {
                    assertThat(e.parameter()).isEqualTo("actor");
                    assertThat(e.getMessage()).contains("2 times");
                });
        assertThatThrownBy(() -> param("q", "x".repeat(201)).text("q")).isInstanceOf(RequestRefused.class);
    }

    @Test
    void theScopeIsLocalOrAll() {
        assertThat(params(Map.of()).local()).isFalse();
        assertThat(param("scope", "local").local()).isTrue();
        assertThat(param("scope", "all").local()).isFalse();
        assertThatThrownBy(() -> param("scope", "peers").local())
                .isInstanceOfSatisfying(RequestRefused.class, e -> assertThat(e.parameter()).isEqualTo("scope"));
    }
}
