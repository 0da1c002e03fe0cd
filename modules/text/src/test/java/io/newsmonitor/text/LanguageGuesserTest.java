package io.newsmonitor.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageGuesserTest {

    private static final List<String> LANGUAGES = List.of("fr", "en", "de", "it", "es", "pt", "nl", "pl", "sq",
            "ro", "hr", "sr", "cs", "sv", "da");
    private static final Path DEV_CORPUS = Path.of("../../corpus/heldout/dev");

    private final LanguageGuesser guesser = new LanguageGuesser(LANGUAGES);
    private final FunctionWords functionWords = new FunctionWords(LANGUAGES);

    @Test
    void functionWordsTellPressReleasesInTheListedLanguages() {
        assertThat(functionWords.decide(repeat("La France et le Maroc ont signé dans la capitale un accord sur "
                + "l'intelligence artificielle, qui prévoit aussi des échanges de chercheurs pour les jeunes. ")))
                .contains("fr");
        assertThat(functionWords.decide(repeat("The ministers of France and Germany signed an agreement that will "
                + "fund research on artificial intelligence, with a focus on the use of data by their agencies. ")))
                .contains("en");
        assertThat(functionWords.decide(repeat("Die Bundesregierung und das Land haben eine Vereinbarung über die "
                + "Zusammenarbeit bei der künstlichen Intelligenz unterzeichnet, die auch für Start-ups gilt. ")))
                .contains("de");
        assertThat(functionWords.decide(repeat("Il ministro ha firmato con il collega francese un accordo che "
                + "rafforza la cooperazione degli istituti di ricerca nella intelligenza artificiale. ")))
                .contains("it");
    }

    @Test
    void aTextInALanguageWithoutAListOrTooShortIsLeftToLingua() {
        String albanian = repeat("Ministria e Ekonomisë dhe Inovacionit nënshkroi një marrëveshje bashkëpunimi "
                + "me Francën për inteligjencën artificiale dhe transformimin dixhital të administratës. ");
        assertThat(functionWords.decide(albanian)).isEmpty();
        assertThat(guesser.detect(albanian)).isEqualTo("sq");
        assertThat(functionWords.decide("The agreement with France and the EU")).isEmpty();
    }

    @Test
    void aMixOfTwoListedLanguagesIsLeftToLingua() {
        String mixed = repeat("Le ministre a déclaré dans son discours que la coopération est essentielle. "
                + "The minister said that the cooperation with their partners is essential for the future. ");
        assertThat(functionWords.decide(mixed)).isEmpty();
    }

    /**
     * Every text of the team's dev corpus (fr, en, de and a few others) on which the function words decide gets the
     * language Lingua gives it, so the shortcut changes the speed, not the answers.
     */
    @Test
    void functionWordsAgreeWithLinguaOnEveryDevCorpusTextTheyDecide() throws IOException {
        List<String> texts = devTexts();
        int decided = 0;
        List<String> disagreements = new ArrayList<>();
        for (String text : texts) {
            String sample = text.length() > 1_000 ? text.substring(0, 1_000) : text;
            var fast = functionWords.decide(sample);
            if (fast.isPresent()) {
                decided++;
                String lingua = guesser.detectWithLingua(sample);
                if (!fast.get().equals(lingua)) {
                    disagreements.add(fast.get() + " vs Lingua " + lingua + ": " + sample.substring(0, 80));
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(100);
        assertThat(decided).isGreaterThan(texts.size() * 8 / 10);
        assertThat(disagreements).isEmpty();
    }

    private static List<String> devTexts() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> texts = new ArrayList<>();
        try (var files = Files.list(DEV_CORPUS)) {
            for (Path file : files.sorted().toList()) {
                for (JsonNode item : yaml.readTree(file.toFile())) {
                    texts.add(item.path("title").asText() + "\n" + item.path("summary").asText() + "\n"
                            + item.path("content").asText());
                }
            }
        }
        return texts;
    }

    private static String repeat(String sentence) {
        return sentence.repeat(3);
    }
}
