package io.newsmonitor.poller.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dates feeds and press rooms write, in the languages of the configured sources; local dates are UTC. */
class DatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Postuar më: 19 Shkurt 2026          | 2026-02-19T00:00:00Z
            POSTUAR MË: 19 SHKURT 2026          | 2026-02-19T00:00:00Z
            • Postuar më: 3 Janar 2026          | 2026-01-03T00:00:00Z
            12 Mars 2026                        | 2026-03-12T00:00:00Z
            1 Prill 2026                        | 2026-04-01T00:00:00Z
            7 Maj 2026                          | 2026-05-07T00:00:00Z
            30 Qershor 2026                     | 2026-06-30T00:00:00Z
            4 Korrik 2026                       | 2026-07-04T00:00:00Z
            15 Gusht 2026                       | 2026-08-15T00:00:00Z
            21 Shtator 2026                     | 2026-09-21T00:00:00Z
            9 Tetor 2026                        | 2026-10-09T00:00:00Z
            28 Nëntor 2026                      | 2026-11-28T00:00:00Z
            28 nentor 2026                      | 2026-11-28T00:00:00Z
            24 Dhjetor 2026, 14:30              | 2026-12-24T14:30:00Z
            19 Shk 2026                         | 2026-02-19T00:00:00Z
            """)
    void readsAlbanianDates(String text, String expected) {
        assertThat(Dates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            07.05.2026, Pressemitteilung        | 2026-05-07T00:00:00Z
            10 février 2026                     | 2026-02-10T00:00:00Z
            10. Februar 2026                    | 2026-02-10T00:00:00Z
            February 10, 2026                   | 2026-02-10T00:00:00Z
            Heft 4 aus 2026 – 3. März 2026      | 2026-03-03T00:00:00Z
            2026-05-07T10:15:00+02:00           | 2026-05-07T08:15:00Z
            Thu, 07 May 2026 10:15:00 GMT       | 2026-05-07T10:15:00Z
            """)
    void readsDatesInsideOtherText(String text, String expected) {
        assertThat(Dates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"Postuar më: sot", "19 Shkurtim 2026", "31 Shkurt 2026", "Pressemitteilung", " "})
    void unreadableTextHasNoDate(String text) {
        assertThat(Dates.parse(text)).isNull();
    }
}
