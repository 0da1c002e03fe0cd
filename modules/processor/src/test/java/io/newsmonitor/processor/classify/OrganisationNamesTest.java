package io.newsmonitor.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.Evidence;
import io.newsmonitor.processor.dedup.MinHash;
import io.newsmonitor.processor.text.TextCleaner;
import io.newsmonitor.processor.topology.TopologyFixture;
import io.newsmonitor.text.LanguageGuesser;
import io.newsmonitor.text.TextAnalyzer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Organisations the dictionary does not list, recognised by the form of their names, as the classifier reports them:
 * given a text, exactly these organisations (ids prefixed {@code unlisted-}), and none for what only looks like a
 * name.
 */
class OrganisationNamesTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();
    private static final Classifier CLASSIFIER = new Classifier(TopologyFixture.TAXONOMY, ANALYZER, 2.0);

    @Test
    void anInstitutionWordWithItsProperNameComplementNamesAnOrganisation() {
        assertThat(unlisted("Rencontre. L'Université de Montréal accueille des chercheurs.\n"
                + "Researchers of the University of Edinburgh joined the Centre for the Fourth Industrial Revolution "
                + "and the U.S. Quantum Safety Institute."
                + "\nForscher vom Institut für Angewandte Informatik und der Universität Stuttgart kamen."))
                .containsExactly("Université de Montréal", "University of Edinburgh",
                        "Centre for the Fourth Industrial Revolution", "U.S. Quantum Safety Institute",
                        "Institut für Angewandte Informatik",
                        "Universität Stuttgart");
    }

    @Test
    void aFrenchComplementInLowerCaseCountsWhenAProperNameOrTheInitialsCloseIt() {
        assertThat(unlisted("Accord. L'École nationale d'administration (ENA) et la Faculté des sciences de Bizerte "
                + "ont signé une convention. L'Agence nationale pour les jeunes a répondu."))
                .containsExactly("École nationale d'administration", "Faculté des sciences de Bizerte");
    }

    @Test
    void capitalisedWordsEndingWithALegalFormOrAKindWordNameAnOrganisation() {
        assertThat(unlisted("Financement. Nordlicht Robotik GmbH, Kestrel Labs, Brightwater Capital, the Halden "
                + "Institute and Quantix SAS take part, with SentinelOne and Thomvest Ventures. Halvard Petroleum "
                + "invests too, as do Datenraum Nord e.V., Corvane Inc. and Ashgrove Ltd."))
                .containsExactly("Nordlicht Robotik GmbH", "Kestrel Labs", "Brightwater Capital",
                        "Halden Institute", "Quantix SAS", "Thomvest Ventures", "Halvard Petroleum",
                        "Datenraum Nord e.V", "Corvane Inc", "Ashgrove Ltd");
    }

    @Test
    void aKindWordInAppositionIntroducesTheNameBeforeOrAfterIt() {
        assertThat(unlisted("Levée. La start-up française Zephyra lève des fonds. The AI startup Corvid Minds "
                + "agreed. Das Start-up Nordwind wächst, die Firma Ackermann auch. Brevia, a Lyon-based company, "
                + "said so, with its data centre partner Halcyon and partner countries."))
                .containsExactly("Zephyra", "Corvid Minds", "Nordwind", "Ackermann", "Brevia", "Halcyon");
    }

    @Test
    void aRecognisedNameIsMentionedWhereverTheTextWritesItAgainWithItsCapital() {
        Classification c = classify("Levée. La start-up Zephyra lève 10 millions. Zephyra recrute. Le mot zephyra "
                + "n'est pas son nom.");

        assertThat(c.actors()).contains(new ActorMention("unlisted-zephyra", ActorType.ORGANISATION, "Zephyra", 2));
        assertThat(c.evidence()).filteredOn(e -> e.id().equals("unlisted-zephyra")).extracting(Evidence::term)
                .containsExactly("Zephyra", "Zephyra");
    }

    @Test
    void theIdIsALowerCaseSlugThatNoDictionaryIdCanTake() {
        assertThat(OrganisationNames.idOf("École nationale d'administration"))
                .isEqualTo("unlisted-ecole-nationale-d-administration");
        assertThat(OrganisationNames.idOf("Lightspeed Venture Partners"))
                .isEqualTo("unlisted-lightspeed-venture-partners");
    }

    @Test
    void aRecognisedOrganisationInACueSentenceIsACooperationPartyButNotSalientForStories() {
        String text = "Accord. La start-up Zephyra et Inria signent un partenariat sur l'intelligence artificielle.";

        assertThat(classify(text).cooperation().parties()).containsExactly("inria", "unlisted-zephyra");
        assertThat(salient(text)).containsExactly("inria");
    }

    @Test
    void ordinaryCapitalisedWordsPeopleCitiesAndMonthsAreNoOrganisations() {
        assertThat(unlisted("Annonce. Today the company said Monday that Jean Dupont, the company's chief executive, "
                + "would travel to Lyon in March. Today we partner. Paris-based teams met in Berlin. "
                + "Le groupe de travail s'est réuni. Die Firma hat Anfang März Vernetzung angekündigt. "
                + "Partners of the Future of Quantum Technologies met the Ministry of Information and Communication "
                + "Technologies."))
                .isEmpty();
    }

    @Test
    void aNameTheDictionaryCoversIsTheDictionaryActorNotANewOne() {
        Classification c = classify("Accord. The European Commission and the startup Mistral AI signed with the "
                + "University of Oxford.");

        assertThat(unlisted(c)).isEmpty();
        assertThat(c.actors()).extracting(ActorMention::id).contains("EU", "mistral-ai", "university-of-oxford");
    }

    @Test
    void aTitleInTitleCaseIsLeftAlone() {
        assertThat(unlisted("Stanford University Partners With Kestrel Labs On AI\nThe deal was signed."))
                .isEmpty();
    }

    private static Classification classify(String text) {
        return CLASSIFIER.classify(text, text.indexOf('\n') < 0 ? text.indexOf('.') + 1 : text.indexOf('\n'));
    }

    private static List<String> unlisted(String text) {
        return unlisted(classify(text));
    }

    private static List<String> unlisted(Classification c) {
        return c.evidence().stream().filter(e -> OrganisationNames.isRecognised(e.id()))
                .map(Evidence::term).distinct().toList();
    }

    private static List<String> salient(String text) {
        AnnouncementAnalyzer analyzer = new AnnouncementAnalyzer(new TextCleaner(20_000),
                new LanguageGuesser(List.of("fr", "en", "de")), ANALYZER, CLASSIFIER, new MinHash(128),
                new MinHash(64), Clock.systemUTC());
        Instant now = Instant.parse("2026-11-01T12:00:00Z");
        return analyzer.analyze(new Announcement("a1", "src", "https://example.org/a1", null, "Accord", null,
                text, "fr", now, now, List.of())).fingerprint().salient();
    }
}
