package io.newsmonitor.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.model.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names and figures that tell one event from another, in any language. */
class AnchorsTest {

    private static final String TITLE = "US and UK Sign Landmark Safety Deal";

    @Test
    void namesAndFiguresOfTheBodyButNotTheTitleNorThePartiesNorTheCalendarNorCommonWords() {
        String text = TITLE + "\n\nThe agreement, signed in Washington by Gina Raimondo and the British minister on "
                + "Monday 1 April 2024, commits 200 million dollars to safety tests at the Safety Institutes.";
        int britain = text.indexOf("British");
        List<Evidence> evidence = List.of(new Evidence("actor", "GB", "British", britain, britain + 7));

        assertThat(Anchors.of(text, TITLE.length(), evidence))
                .containsExactly("200", "institutes", "raimondo", "washington");
    }

    @Test
    void germanCommonNounsAreNotNamesButGermanNamesAre() {
        String text = "Titel\n\nDie Zusammenarbeit mit Siemens stärkt die Forschung und die Ausbildung in Garching "
                + "mit 350 Förderungen.";

        assertThat(Anchors.of(text, "Titel".length(), List.of())).containsExactly("350", "garching", "siemens");
    }

    @Test
    void officesMeetingsEuropeAndAcronymPluralsNameNoEvent() {
        String text = "Titel\n\nAt the Summit, the Prime Minister of the State and the European Commission "
                + "President met the CEOs of Mistral and the AI Safety Institute to discuss GPUs for Europe.";

        assertThat(Anchors.of(text, "Titel".length(), List.of())).containsExactly("mistral", "safety");
    }
}
