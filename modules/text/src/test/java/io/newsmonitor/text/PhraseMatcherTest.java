package io.newsmonitor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Leftmost-longest phrases, and a German genitive standing for its name where asked. */
class PhraseMatcherTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    private PhraseMatcher<String> names(boolean genitiveS) {
        PhraseMatcher.Builder<String> names = PhraseMatcher.onFoldedTerms();
        names.add(analyzer.foldedTerms("Bundesministerium für Bildung und Forschung"), "bmbf");
        names.add(analyzer.foldedTerms("Frankreich"), "FR");
        names.add(analyzer.foldedTerms("Partner"), "partner");
        return (genitiveS ? names.genitiveS() : names).build();
    }

    private List<String> found(PhraseMatcher<String> matcher, String text) {
        return matcher.find(analyzer.tokens(text)).stream().map(PhraseMatcher.Match::value).toList();
    }

    @Test
    void aGenitiveNameIsFoundWhereAsked() {
        String text = "Die Ministerin des Bundesministeriums für Bildung und Forschung besuchte die Partner.";

        assertThat(found(names(true), text)).containsExactly("bmbf", "partner");
        assertThat(found(names(false), text)).containsExactly("partner");
    }

    @Test
    void onlyACapitalisedWordOfALongerNameStandsForTheNameWithoutItsS() {
        assertThat(found(names(true), "die bundesministeriums für Bildung und Forschung")).isEmpty();
        assertThat(found(names(true), "Frances Haugen and the Partners")).isEmpty();
    }
}
