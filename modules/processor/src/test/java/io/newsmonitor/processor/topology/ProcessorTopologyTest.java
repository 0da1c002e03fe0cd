package io.newsmonitor.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Duplicate;
import io.newsmonitor.model.Evidence;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each branch of the processor topology, through a {@link org.apache.kafka.streams.TopologyTestDriver}. */
class ProcessorTopologyTest {

    private static final Instant PUBLISHED = Instant.parse("2026-02-10T09:00:00Z");
    private static final String ROADMAP = """
            La France et l'Albanie ont adopté une feuille de route bilatérale consacrée à l'intelligence \
            artificielle. Paris et Tirana coopéreront avec l'entreprise Inetum pour former les agents publics \
            albanais à l'IA générative. La coopération franco-albanaise portera aussi sur la recherche en \
            intelligence artificielle et sur les start-up des deux pays, avec un comité de suivi annuel.""";

    private final TopologyFixture fixture = new TopologyFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static Announcement announcement(String id, String url, String title, String content) {
        return new Announcement(id, "elysee", url, null, title, null, content, "fr", PUBLISHED,
                PUBLISHED.plusSeconds(60), List.of("government"));
    }

    @Test
    void anAiCooperationIsClassifiedWithItsPartiesAndEvidence() {
        fixture.send(List.of(announcement("a1", "https://www.elysee.fr/a1",
                "La France et l'Albanie présentent une feuille de route sur l'IA", ROADMAP)));

        ClassifiedAnnouncement c = fixture.classified().get(0);
        assertThat(c.countries()).containsExactly("AL", "FR");
        assertThat(c.hasActor("inetum")).isTrue();
        assertThat(c.aiCooperation()).isTrue();
        assertThat(c.cooperation().parties()).contains("AL", "FR", "inetum");
        assertThat(c.cooperation().pairs()).contains(List.of("AL", "FR"));
        assertThat(c.language()).isEqualTo("fr");
        assertThat(c.storyId()).isEqualTo("a1");
        assertThat(c.taxonomyVersion()).isEqualTo(TopologyFixture.TAXONOMY.version());
        for (Evidence e : c.evidence()) {
            assertThat(c.text().substring(e.start(), e.end())).isEqualTo(e.term());
        }
        assertThat(c.evidence()).anyMatch(e -> e.id().equals("AL") && e.term().equals("franco-albanaise")
                || e.id().equals("AL") && e.term().equals("albanaise"));
    }

    @Test
    void aNationalStrategyWithoutPartnerIsNotACooperation() {
        fixture.send(List.of(announcement("s1", "https://www.elysee.fr/s1",
                "La France dévoile sa stratégie nationale pour l'intelligence artificielle",
                "Le gouvernement français présente sa stratégie nationale pour l'intelligence artificielle. "
                        + "La France investira dans la recherche en IA, la formation et le calcul. La stratégie "
                        + "prévoit un partenariat entre les universités françaises et les entreprises.")));

        ClassifiedAnnouncement c = fixture.classified().get(0);
        assertThat(c.countries()).containsExactly("FR");
        assertThat(c.aiCooperation()).isFalse();
        assertThat(c.cooperation().parties()).isEmpty();
    }

    @Test
    void aPersonActsForTheirCountry() {
        fixture.send(List.of(announcement("p1", "https://www.elysee.fr/p1",
                "Emmanuel Macron et le gouvernement albanais signent une feuille de route sur l'IA",
                "Emmanuel Macron a signé avec le Premier ministre albanais une feuille de route sur "
                        + "l'intelligence artificielle. La coopération portera sur la formation à l'IA.")));

        ClassifiedAnnouncement c = fixture.classified().get(0);
        assertThat(c.hasActor("emmanuel-macron")).isTrue();
        assertThat(c.countries()).containsExactly("AL", "FR");
        assertThat(c.cooperation().pairs()).contains(List.of("AL", "FR"));
        assertThat(c.evidence()).anyMatch(e -> e.id().equals("FR") && e.term().equals("Emmanuel Macron"));
    }

    @Test
    void aMinistryIsReportedAsItselfAndActsForItsCountry() {
        fixture.send(List.of(english("dsit", "UK and Canada deepen AI safety cooperation",
                "The Department for Science, Innovation and Technology signed a memorandum of understanding with "
                        + "Canada on artificial intelligence safety research. The two governments will cooperate "
                        + "on testing advanced AI models.")));

        ClassifiedAnnouncement c = fixture.classified().get(0);
        assertThat(c.hasActor("dsit")).isTrue();
        assertThat(c.actors()).filteredOn(m -> m.id().equals("dsit")).extracting(ActorMention::type)
                .containsExactly(ActorType.ORGANISATION);
        assertThat(c.countries()).containsExactly("CA", "GB");
        assertThat(c.cooperation().pairs()).containsExactly(List.of("CA", "GB"));
    }

    /** An international official's nationality is not a party (issue 9): she acts for her institution. */
    @Test
    void theCommissionPresidentActsForTheEuNotForTheCountryOfHerPassport() {
        fixture.send(List.of(english("ttc", "EU and India open AI talks",
                "Ursula von der Leyen and Narendra Modi signed an agreement on artificial intelligence and "
                        + "semiconductors. The partnership covers research on trustworthy AI.")));

        ClassifiedAnnouncement c = fixture.classified().get(0);
        assertThat(c.countries()).containsExactly("IN");
        assertThat(c.hasActor("EU")).isTrue();
        assertThat(c.cooperation().pairs()).containsExactly(List.of("EU", "IN"));
    }

    /**
     * Where a company comes from is no party, also in a compound ("start-up germano-franco-britannique"), and a
     * country prefix joined to an ocean names a region (issue 9).
     */
    @Test
    void aCompanysNationalityAndAnOceanRegionAreNoParties() {
        fixture.send(List.of(announcement("helsing", "https://www.elysee.fr/helsing",
                "La France et le Japon signent un accord sur l'intelligence artificielle",
                "La France et le Japon ont signé un accord de coopération sur l'intelligence artificielle pour "
                        + "la sécurité de l'Indo-Pacifique. La start-up germano-franco-britannique Helsing "
                        + "participera aux travaux de recherche.")));

        assertThat(fixture.classified().get(0).countries()).containsExactly("FR", "JP");
    }

    /** "US-amerikanisch" is one country, not a compound of two; "chinesisch-amerikanisch" still names both. */
    @Test
    void aCompoundOfOneCountryIsAPlainAdjective() {
        fixture.send(List.of(german("platforms", "Deutschland und Kanada schmieden KI-Allianz",
                "Deutschland und Kanada vereinbaren eine Partnerschaft für künstliche Intelligenz. Ziel ist eine "
                        + "geringere Abhängigkeit von großen US-amerikanischen Plattformen."),
                german("relations", "Japan und Südkorea beraten über Chips",
                        "Japan und Südkorea wollen bei Halbleitern für künstliche Intelligenz zusammenarbeiten, mit "
                                + "Blick auf die angespannten chinesisch-amerikanischen Beziehungen.")));

        List<ClassifiedAnnouncement> classified = fixture.classified();
        assertThat(classified.get(0).countries()).containsExactly("CA", "DE");
        assertThat(classified.get(1).countries()).containsExactly("CN", "JP", "KR", "US");
    }

    /** Two dictionary names written once with a shared plural head are both found (issue 9). */
    @Test
    void namesSharingAPluralHeadAreBothFound() {
        fixture.send(List.of(english("aisi", "US and UK partner on AI safety testing",
                "The agreement allows the U.S. and UK AI Safety Institutes to work together on testing advanced "
                        + "artificial intelligence models.")));

        ClassifiedAnnouncement c = fixture.classified().get(0);
        assertThat(c.hasActor("caisi")).isTrue();
        assertThat(c.hasActor("uk-ai-security-institute")).isTrue();
    }

    /** A dateline's capital is where the report was written, and a capital before "investor" says where one is from. */
    @Test
    void aDatelineAndAnInvestorsHomeAreNoParties() {
        fixture.send(List.of(english("dateline", "France and Japan sign AI agreement",
                "WASHINGTON, 12 March (Reuters) - France and Japan signed an agreement on artificial intelligence "
                        + "research. Abu Dhabi investor MGX will fund the joint laboratory.")));

        assertThat(fixture.classified().get(0).countries()).containsExactly("FR", "JP");
    }

    /** A capital named once in passing is a place or context, not a party ("Doha's plans" in a UAE visit story). */
    @Test
    void aCapitalNamedOnceOutsideTheCooperationIsNotAnActor() {
        fixture.send(List.of(english("visit", "France and India sign AI roadmap",
                "France and India signed a roadmap on artificial intelligence research and skills. France and India "
                        + "will fund joint AI laboratories. Earlier this year, Doha announced plans to invest in "
                        + "data centres.")));

        assertThat(fixture.classified().get(0).countries()).containsExactly("FR", "IN");
    }

    /** Italian and Spanish texts are classified with the same dictionaries (names, cues, AI terms in it and es). */
    @Test
    void anItalianAndASpanishAiCooperationAreRecognisedWithTheirCountries() {
        fixture.send(List.of(
                inLanguage("it1", "it", "Italia, Germania e Francia firmano una dichiarazione congiunta sull'IA",
                        "I ministri dell'Industria di Italia, Germania e Francia hanno firmato oggi a Roma una "
                                + "dichiarazione congiunta sulla cooperazione nell'intelligenza artificiale. Italia, "
                                + "Germania e Francia collaboreranno su modelli linguistici e centri di calcolo."),
                inLanguage("es1", "es", "España y Marruecos firman un acuerdo de cooperación en inteligencia artificial",
                        "Los gobiernos de España y Marruecos firmaron este martes en Rabat un memorando de "
                                + "entendimiento sobre inteligencia artificial. España y Marruecos impulsarán juntos "
                                + "la formación en aprendizaje automático.")));

        List<ClassifiedAnnouncement> classified = fixture.classified();
        ClassifiedAnnouncement italian = classified.get(0);
        assertThat(italian.language()).isEqualTo("it");
        assertThat(italian.countries()).containsExactly("DE", "FR", "IT");
        assertThat(italian.hasTheme("ai")).isTrue();
        assertThat(italian.aiCooperation()).isTrue();
        assertThat(italian.cooperation().pairs()).contains(List.of("DE", "IT"), List.of("FR", "IT"));
        ClassifiedAnnouncement spanish = classified.get(1);
        assertThat(spanish.language()).isEqualTo("es");
        assertThat(spanish.countries()).containsExactly("ES", "MA");
        assertThat(spanish.aiCooperation()).isTrue();
        assertThat(spanish.cooperation().pairs()).containsExactly(List.of("ES", "MA"));
    }

    @Test
    void theFrenchVerbAiIsNotArtificialIntelligence() {
        fixture.send(List.of(announcement("v1", "https://example.fr/v1", "Ce que j'ai vu à Tunis",
                "J'ai rencontré des agriculteurs tunisiens et français. Il y a un accord de coopération "
                        + "agricole entre la France et la Tunisie. Le ministre ai-je dit ?")));

        ClassifiedAnnouncement c = fixture.classified().get(0);
        assertThat(c.hasTheme("ai")).isFalse();
        assertThat(c.aiCooperation()).isFalse();
    }

    @Test
    void theSameUrlAgainIsAnExactDuplicateOfTheFirst() {
        fixture.send(List.of(
                announcement("first", "https://www.elysee.fr/roadmap", "Feuille de route IA France-Albanie", ROADMAP),
                announcement("again", "https://www.elysee.fr/roadmap", "Autre titre", "Un autre texte.")));

        assertThat(fixture.classified()).extracting(ClassifiedAnnouncement::id).containsExactly("first");
        Duplicate d = fixture.duplicates().get(0);
        assertThat(d.announcement().id()).isEqualTo("again");
        assertThat(d.duplicateOf()).isEqualTo("first");
        assertThat(d.match()).isEqualTo(Duplicate.Match.URL);
        assertThat(d.announcement().storyId()).isEqualTo("first");
    }

    @Test
    void theSameAnnouncementAgainHasNoSecondOutcomeWhetherFirstSeenOrCopy() {
        Announcement first = announcement("first", "https://www.elysee.fr/roadmap", "Feuille de route IA France-Albanie",
                ROADMAP);
        Announcement copy = announcement("again", "https://www.elysee.fr/roadmap", "Autre titre", "Un autre texte.");

        // given each decided once, when both come again (a poller that lost its state, input read twice)
        fixture.send(List.of(first, copy, first, copy));

        assertThat(fixture.classified()).extracting(ClassifiedAnnouncement::id).containsExactly("first");
        assertThat(fixture.duplicates()).extracting(d -> d.announcement().id()).containsExactly("again");
    }

    @Test
    void anotherSourceLinkingToTheSameArticleIsStillACopyThoughItsIdIsTheSame() {
        Announcement first = announcement("same-url-id", "https://www.elysee.fr/roadmap",
                "Feuille de route IA France-Albanie", ROADMAP);
        Announcement relayed = new Announcement(first.id(), "embassy", first.url(), null, "Relayé : " + first.title(),
                null, ROADMAP, "fr", PUBLISHED, PUBLISHED.plusSeconds(120), List.of());

        fixture.send(List.of(first, relayed));

        assertThat(fixture.classified()).extracting(ClassifiedAnnouncement::sourceId).containsExactly("elysee");
        assertThat(fixture.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.announcement().sourceId()).isEqualTo("embassy");
            assertThat(d.match()).isEqualTo(Duplicate.Match.URL);
        });
    }

    @Test
    void aSyndicatedCopyWithAnotherHeadlineAndBoilerplateIsANearDuplicate() {
        String copy = ROADMAP.replace("avec un comité de suivi annuel", "avec un comité de suivi")
                + "\n\nLire aussi : l'IA dans les Balkans\n\nAbonnez-vous à notre newsletter";
        fixture.send(List.of(
                announcement("wire", "https://wire.example/roadmap", "Paris et Tirana adoptent une feuille de route",
                        ROADMAP),
                announcement("copy", "https://news.example/fr/ia-albanie", "IA : accord franco-albanais", copy)));

        assertThat(fixture.classified()).extracting(ClassifiedAnnouncement::id).containsExactly("wire");
        Duplicate d = fixture.duplicates().get(0);
        assertThat(d.duplicateOf()).isEqualTo("wire");
        assertThat(d.match()).isEqualTo(Duplicate.Match.NEAR);
        assertThat(d.similarity()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void anEditedCopyOfTheSameEventIsANearDuplicateBelowTheCopyThreshold() {
        Announcement original = roadmapWithItsProgramme();
        String edited = ROADMAP.replace("La France et l'Albanie ont adopté une feuille de route bilatérale consacrée à "
                        + "l'intelligence artificielle.", "Tirana et Paris signent un plan commun sur l'IA, a-t-on "
                        + "appris lundi de source diplomatique.")
                + " Le programme Horizont formera 300 agents publics et reçoit 12 millions d'euros."
                + "\n\nLes deux gouvernements veulent étendre ce partenariat aux Balkans occidentaux.";
        fixture.send(List.of(original, announcement("edited", "https://news.example/fr/plan-ia-albanie",
                "Tirana et Paris signent un plan commun sur l'IA", edited)));

        assertThat(fixture.classified()).extracting(ClassifiedAnnouncement::id).containsExactly("fr1");
        Duplicate d = fixture.duplicates().get(0);
        assertThat(d.duplicateOf()).isEqualTo("fr1");
        assertThat(d.match()).isEqualTo(Duplicate.Match.NEAR);
        assertThat(d.similarity()).isBetween(0.6, 0.8);
    }

    /** Two different acts of the same parties from one source, most of each text a shared footer. */
    @Test
    void announcementsOfOneSourceSharingAFooterAreNotCopiesOfEachOtherWhenTheEventsDiffer() {
        String footer = "\n\nÀ propos de la présidence : le service de presse publie chaque jour les communiqués, "
                + "les discours et les comptes rendus des déplacements du chef de l'État. Les journalistes "
                + "accrédités peuvent demander les photographies officielles auprès du service audiovisuel.";
        fixture.send(List.of(
                announcement("roadmap", "https://www.elysee.fr/roadmap", "Feuille de route franco-albanaise sur l'IA",
                        "La France et l'Albanie adoptent une feuille de route sur l'intelligence artificielle avec "
                                + "l'entreprise Inetum et le programme Horizont." + footer),
                announcement("centre", "https://www.elysee.fr/centre", "Un centre franco-albanais d'IA à Durrës",
                        "La France et l'Albanie ouvrent à Durrës un centre de recherche en intelligence artificielle "
                                + "avec l'Université Polis et 40 doctorants." + footer)));

        assertThat(fixture.classified()).extracting(ClassifiedAnnouncement::id).containsExactly("roadmap", "centre");
        assertThat(fixture.duplicates()).isEmpty();
    }

    @Test
    void aWriteUpOfTheSameEventInAnotherLanguageJoinsTheStory() {
        Announcement french = roadmapWithItsProgramme();
        Announcement german = german("de1", "Frankreich und Albanien beschließen KI-Fahrplan",
                "Frankreich und Albanien haben einen gemeinsamen Fahrplan für künstliche Intelligenz "
                + "beschlossen. Die Zusammenarbeit mit dem Unternehmen Inetum soll albanische Beamte in KI "
                + "schulen: Das Programm Horizont soll 300 Beamte ausbilden und erhält 12 Millionen Euro. Die "
                + "französisch-albanische Kooperation umfasst auch Forschung zu künstlicher Intelligenz.");
        fixture.send(List.of(french, german));

        List<ClassifiedAnnouncement> out = fixture.classified();
        assertThat(out).extracting(ClassifiedAnnouncement::id).containsExactly("fr1", "de1");
        assertThat(out.get(1).language()).isEqualTo("de");
        assertThat(out.get(1).storyId()).isEqualTo("fr1");
    }

    @Test
    void theSamePartiesInAnotherLanguageWithNothingElseInCommonAreAnotherStory() {
        Announcement french = roadmapWithItsProgramme();
        Announcement german = german("de2", "Frankreich und Albanien vereinbaren KI-Forschungszentrum",
                "Frankreich und Albanien gründen in Durrës ein gemeinsames Forschungszentrum für künstliche "
                + "Intelligenz mit der Universität Polis. Die Kooperation soll 40 Doktoranden fördern; das "
                + "Zentrum wird von der Stiftung Skanderbeg getragen und öffnet im Herbst.");
        fixture.send(List.of(french, german));

        assertThat(fixture.classified()).extracting(ClassifiedAnnouncement::storyId).containsExactly("fr1", "de2");
    }

    /** A busy pair of actors (here FR and DE in 70 other write-ups of the week) hides no candidate. */
    @Test
    void aRewriteFindsItsStoryHoweverManyOtherWriteUpsShareItsParties() {
        List<Announcement> week = new ArrayList<>();
        week.add(english("e0", "France and Germany launch the Korab programme on artificial intelligence",
                busyPairBody(0) + " France and Germany give the Korab programme 45 million euros and fund 800 "
                        + "researchers."));
        for (int i = 1; i <= 70; i++) {
            week.add(english("e" + i, "France and Germany launch the " + programme(i) + " programme on AI",
                    busyPairBody(i)));
        }
        week.add(english("rewrite", "Paris and Berlin confirm their Korab programme on AI",
                busyPairBody(1000) + " France and Germany give the Korab programme 45 million euros and fund 800 "
                        + "researchers."));
        fixture.send(week);

        List<ClassifiedAnnouncement> out = fixture.classified();
        assertThat(out).hasSize(72);
        assertThat(out.subList(0, 71)).extracting(ClassifiedAnnouncement::storyId).doesNotHaveDuplicates();
        assertThat(out.get(71).id()).isEqualTo("rewrite");
        assertThat(out.get(71).storyId()).isEqualTo("e0");
    }

    private static String programme(int i) {
        return "Kor" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
    }

    /** France and Germany on AI, in words drawn at random for write-up {@code i}: no two share their content. */
    private static String busyPairBody(int i) {
        List<String> words = List.of("harbour", "climate", "budget", "students", "railway", "hospital", "energy",
                "museum", "farming", "tourism", "shipping", "water", "housing", "steel", "textiles", "forests",
                "fisheries", "bridges", "schools", "archives", "satellites", "vaccines", "batteries", "cinema",
                "football", "theatre", "libraries", "airports", "tunnels", "gardens", "prisons", "courts");
        Random random = new Random(i);
        StringBuilder body = new StringBuilder("France and Germany cooperate on artificial intelligence for ");
        for (int w = 0; w < 14; w++) {
            body.append(words.get(random.nextInt(words.size()))).append(w % 5 == 4 ? ". The " : " ");
        }
        return body.append("plan.").toString();
    }

    /** The roadmap, with the names and figures a report of it in another language would share. */
    private static Announcement roadmapWithItsProgramme() {
        return announcement("fr1", "https://www.elysee.fr/fr1",
                "La France et l'Albanie présentent une feuille de route sur l'IA", ROADMAP
                        + " Le programme Horizont formera 300 agents publics et reçoit 12 millions d'euros.");
    }

    private static Announcement german(String id, String title, String content) {
        return new Announcement(id, "dpa", "https://dpa.example/" + id, null, title, null, content, "de",
                PUBLISHED.plusSeconds(3600 * 5), PUBLISHED.plusSeconds(3600 * 5), List.of());
    }

    private static Announcement inLanguage(String id, String language, String title, String content) {
        return new Announcement(id, "wire", "https://wire.example/" + language + "/" + id, null, title, null, content,
                language, PUBLISHED.plusSeconds(60), PUBLISHED.plusSeconds(120), List.of());
    }

    private static Announcement english(String id, String title, String content) {
        return new Announcement(id, "wire", "https://wire.example/" + id, null, title, null, content, "en",
                PUBLISHED.plusSeconds(60), PUBLISHED.plusSeconds(120), List.of());
    }

    /** Where the bad records go is checked on a real broker ({@code ProcessorIntegrationTest}). */
    @Test
    void unreadableRecordsAreSkippedAndProcessingGoesOn() {
        fixture.rawBytes.pipeInput("broken".getBytes(StandardCharsets.UTF_8),
                "{not json".getBytes(StandardCharsets.UTF_8));
        fixture.rawBytes.pipeInput("no-id".getBytes(StandardCharsets.UTF_8),
                "{\"sourceId\":\"x\",\"fetchedAt\":\"2026-02-10T09:00:00Z\"}".getBytes(StandardCharsets.UTF_8));
        fixture.send(List.of(announcement("ok", "https://www.elysee.fr/ok", "Feuille de route IA", ROADMAP)));

        assertThat(fixture.classified()).extracting(ClassifiedAnnouncement::id).containsExactly("ok");
    }

    private static Announcement publishedAt(String id, String url, Instant published) {
        return new Announcement(id, "elysee", url, null, "Feuille de route franco-albanaise sur l'IA " + id, null,
                ROADMAP + " Référence " + id + ".", "fr", published, published.plusSeconds(60), List.of());
    }

    @Test
    void anOldUrlSeenAgainLongAfterItsWindowIsStillRecognisedWhateverTheWallClockSays() {
        Instant t0 = Instant.parse("2026-03-01T09:00:00Z");
        fixture.send(List.of(publishedAt("first", "https://www.elysee.fr/old", t0)));
        fixture.driver.advanceWallClockTime(Duration.ofDays(30));
        fixture.send(List.of(publishedAt("later", "https://www.elysee.fr/later", t0.plus(Duration.ofDays(20)))));

        fixture.send(List.of(publishedAt("again", "https://www.elysee.fr/old", t0)));

        assertThat(fixture.classified()).extracting(ClassifiedAnnouncement::id).containsExactly("first", "later");
        List<Duplicate> duplicates = fixture.duplicates();
        assertThat(duplicates).extracting(Duplicate::duplicateOf).containsExactly("first");
        assertThat(duplicates.get(0).match()).isEqualTo(Duplicate.Match.URL);
        assertThat(duplicates.get(0).announcement().storyId()).isEqualTo("first");
    }

    @Test
    void anAnnouncementPublishedBeforeTheMemoryReachesIsOutdatedNotNew() {
        Instant t0 = Instant.parse("2025-01-10T09:00:00Z");
        fixture.send(List.of(publishedAt("recent", "https://www.elysee.fr/recent", t0.plus(Duration.ofDays(400)))));

        fixture.send(List.of(publishedAt("ancient", "https://www.elysee.fr/ancient", t0)));

        assertThat(fixture.classified()).extracting(ClassifiedAnnouncement::id).containsExactly("recent");
        assertThat(fixture.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.match()).isEqualTo(Duplicate.Match.OUTDATED);
            assertThat(d.duplicateOf()).isNull();
            assertThat(d.announcement().id()).isEqualTo("ancient");
        });
    }

    @Test
    void outputsCarryTheTimeTheyWereDecidedNotThePublicationDate() {
        fixture.send(List.of(publishedAt("a1", "https://www.elysee.fr/a1", PUBLISHED)));

        assertThat(fixture.classified.readRecord().getRecordTime()).isEqualTo(TopologyFixture.NOW);
    }
}
