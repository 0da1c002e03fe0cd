package io.newsmonitor.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.model.Announcement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text that is classified: title, summary and content, one paragraph per line, boilerplate paragraphs out. */
class TextCleanerTest {

    private static final String LONG_PARAGRAPH = "La France et l'Albanie signent une feuille de route sur "
            + "l'intelligence artificielle qui couvre la formation des agents publics, la recherche commune et "
            + "l'accès au calcul. Les deux ministres ont salué un partenariat qui sera suivi par un comité mixte, "
            + "et la délégation albanaise invite les lecteurs qui veulent en savoir plus à nous suivre : "
            + "suivez-nous "
            + "sur les réseaux sociaux du ministère pour le calendrier des prochaines étapes de cette coopération.";

    private final TextCleaner cleaner = new TextCleaner(20_000);

    private static Announcement announcement(String summary, String content) {
        return new Announcement("id", "src", "https://example.org/a", null, "Feuille de route IA", summary, content,
                "fr", Instant.EPOCH, Instant.EPOCH, List.of());
    }

    @Test
    void shortBoilerplateParagraphsAreDroppedAndTheOthersKept() {
        TextCleaner.Cleaned cleaned = cleaner.clean(announcement(null,
                "Paris et Tirana coopèrent sur l'IA.\nLire aussi : le sommet de Paris\nSuivez-nous sur X\n"
                        + "© Ministère 2026\nLa formation commence en mars."));

        assertThat(cleaned.body()).isEqualTo("Paris et Tirana coopèrent sur l'IA.\nLa formation commence en mars.");
        assertThat(cleaned.text()).isEqualTo("Feuille de route IA\n\n" + cleaned.body());
        assertThat(cleaned.titleLength()).isEqualTo("Feuille de route IA".length());
    }

    @Test
    void aLongParagraphThatSaysFollowUsIsContent() {
        TextCleaner.Cleaned cleaned = cleaner.clean(announcement("Résumé court.", LONG_PARAGRAPH));

        assertThat(LONG_PARAGRAPH.length()).isGreaterThan(TextCleaner.MAX_BOILERPLATE_CHARS);
        assertThat(cleaned.body()).isEqualTo("Résumé court.\n" + LONG_PARAGRAPH);
    }

    @Test
    void aSummaryTheContentRepeatsIsNotDoubled() {
        TextCleaner.Cleaned cleaned = cleaner.clean(announcement("Paris et Tirana coopèrent sur l'IA.",
                "Paris et Tirana coopèrent sur l'IA.\nLa formation commence en mars."));

        assertThat(cleaned.body()).isEqualTo("Paris et Tirana coopèrent sur l'IA.\nLa formation commence en mars.");
    }
}
