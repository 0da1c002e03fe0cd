package io.newsmonitor.rules;

import static io.newsmonitor.rules.AnnouncementFixture.announcement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.MatchReason;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.testkit.TestConfigDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rule language, condition by condition, compiled against the project's dictionaries. */
class RulesTest {

    private static final Rules RULES = Rules.load(TestConfigDir.projectConfig());
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A subscription of this rule only, written in YAML as a user writes it. */
    private static Subscription withRule(String yaml) {
        try {
            Map<String, Object> rule = YAML.readValue(yaml, new TypeReference<>() { });
            return new Subscription("s", null, null, null, null, null, null, rule, null, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<List<MatchReason>> evaluate(String rule, AnnouncementFixture a) {
        return RULES.compile(withRule(rule)).evaluate(a.build());
    }

    private static boolean matches(String rule, AnnouncementFixture a) {
        return evaluate(rule, a).isPresent();
    }

    private static RuleException refused(String rule) {
        try {
            RULES.compile(withRule(rule));
        } catch (RuleException e) {
            return e;
        }
        throw new AssertionError("compiled: " + rule);
    }

    @Nested
    class Actors {

        @Test
        void anActorIdMatchesWhenThatActorWasFound() {
            assertThat(matches("actor: FR", announcement().country("FR"))).isTrue();
            assertThat(matches("actor: FR", announcement().country("DE"))).isFalse();
        }

        @Test
        void aListOfActorsMatchesWhenOneOfThemWasFoundAndNamesThoseFound() {
            assertThat(evaluate("actor: [TN, MA, FR]", announcement().country("FR").country("MA")))
                    .contains(List.of(new MatchReason("actor: [TN, MA, FR]", List.of("FR", "MA"))));
        }

        @Test
        void anActorTypeMatchesAnyActorOfThatType() {
            AnnouncementFixture withCompany = announcement().country("FR").actor("mistral-ai", ActorType.ORGANISATION);

            assertThat(evaluate("actor: {type: organisation}", withCompany))
                    .contains(List.of(new MatchReason("actor: {type: organisation}", List.of("mistral-ai"))));
            assertThat(matches("actor: {type: person}", withCompany)).isFalse();
        }

        @Test
        void membershipMatchesAMemberOfTheGroupOrTheGroupItself() {
            String rule = "actor: {memberOf: western-balkans}";

            assertThat(matches(rule, announcement().country("AL"))).isTrue();
            assertThat(matches(rule, announcement().actor("western-balkans", ActorType.GROUP))).isTrue();
            assertThat(matches(rule, announcement().country("FR"))).isFalse();
        }

        @Test
        void aCountryConditionReadsTheCountriesFound() {
            assertThat(matches("country: {memberOf: maghreb}", announcement().country("TN"))).isTrue();
            assertThat(matches("country: TN", announcement().actor("tunisie-telecom", ActorType.ORGANISATION)))
                    .isFalse();
        }
    }

    @Nested
    class Themes {

        @Test
        void aThemeMatchesWhenPresentAndNamesItsTermsOnce() {
            AnnouncementFixture a = announcement().theme("regulation", 2.5, "AI Act", "régulation", "AI Act");

            assertThat(evaluate("theme: regulation", a))
                    .contains(List.of(new MatchReason("theme: regulation", List.of("AI Act", "régulation"))));
            assertThat(matches("theme: compute", a)).isFalse();
        }

        @Test
        void aMinimumScoreRefusesAWeakerTheme() {
            AnnouncementFixture a = announcement().theme("regulation", 2.5, "AI Act");

            assertThat(matches("theme: {id: regulation, minScore: 2.5}", a)).isTrue();
            assertThat(matches("theme: {id: regulation, minScore: 3}", a)).isFalse();
            assertThat(evaluate("theme: {id: regulation, minScore: 2}", a).orElseThrow().get(0).condition())
                    .isEqualTo("theme: regulation >= 2.0");
        }
    }

    @Nested
    class Cooperation {

        @Test
        void aiCooperationMatchesTheClassifiersDecisionAndNamesTheCues() {
            AnnouncementFixture cooperating = announcement().country("FR").country("TN")
                    .cooperation("FR", "TN", "accord de coopération");

            assertThat(evaluate("aiCooperation: true", cooperating))
                    .contains(List.of(new MatchReason("aiCooperation: true", List.of("accord de coopération"))));
            assertThat(matches("aiCooperation: false", cooperating)).isFalse();
            assertThat(matches("aiCooperation: false", announcement().country("FR"))).isTrue();
        }

        @Test
        void aPairMatchesEitherOrderAndGroupSides() {
            String franceWithMaghreb = "pair: [FR, {memberOf: maghreb}]";

            assertThat(evaluate(franceWithMaghreb, announcement().cooperation("TN", "FR", "partenariat")))
                    .contains(List.of(new MatchReason("pair: FR with {memberOf: maghreb}", List.of("FR+TN"))));
            assertThat(matches(franceWithMaghreb, announcement().cooperation("DZ", "FR", "accord"))).isTrue();
            assertThat(matches(franceWithMaghreb, announcement().cooperation("DE", "FR", "accord"))).isFalse();
            assertThat(matches(franceWithMaghreb, announcement().cooperation("DZ", "TN", "accord"))).isFalse();
        }

        @Test
        void aPairSideMayBeAnyone() {
            assertThat(matches("pair: [AL, any]", announcement().cooperation("AL", "IT", "MoU"))).isTrue();
            assertThat(matches("pair: [AL, any]", announcement().cooperation("FR", "IT", "MoU"))).isFalse();
        }
    }

    @Nested
    class LanguagesAndSources {

        @Test
        void languageAndSourceMatchTheirValue() {
            assertThat(matches("language: [de, fr]", announcement().language("fr"))).isTrue();
            assertThat(matches("language: en", announcement().language("fr"))).isFalse();
            assertThat(evaluate("source: elysee-fr", announcement().source("elysee-fr")))
                    .contains(List.of(new MatchReason("source: elysee-fr", List.of("elysee-fr"))));
        }

        @Test
        void aSourceTagIsReadFromTheSourcesTagsNotTheAnnouncement() {
            CompiledRule rule = RULES.compile(withRule("sourceTag: government"));
            ClassifiedAnnouncement fromElysee = announcement().source("elysee-fr").build();

            assertThat(rule.evaluate(fromElysee, id -> id.equals("elysee-fr") ? List.of("fr", "government")
                    : List.of())).contains(List.of(new MatchReason("sourceTag: government", List.of("government"))));
            assertThat(rule.evaluate(fromElysee)).as("no tags known").isEmpty();
            assertThat(rule.readsSourceTags()).isTrue();
        }
    }

    @Nested
    class Keywords {

        @Test
        void aGermanCompoundWithAHyphenMatchesWrittenEitherWay() {
            String rule = "keyword: KI-Partnerschaft";

            assertThat(evaluate(rule, announcement().text("Die neue KI-Partnerschaft mit Tunesien.")))
                    .contains(List.of(new MatchReason("keyword: KI-Partnerschaft", List.of("KI-Partnerschaft"))));
            assertThat(matches(rule, announcement().text("Eine KI Partnerschaft wurde unterzeichnet."))).isTrue();
            assertThat(matches(rule, announcement().text("Eine Partnerschaft für KI."))).isFalse();
        }

        @Test
        void aOneWordKeywordClosesAGermanCompound() {
            assertThat(evaluate("keyword: Partnerschaft",
                    announcement().text("Die Forschungspartnerschaft beginnt.")).orElseThrow().get(0).terms())
                    .containsExactly("Forschungspartnerschaft");
        }

        @Test
        void caseAccentsElisionsAndPluralsDoNotMatter() {
            assertThat(matches("keyword: AI partnership",
                    announcement().text("Two new AI PARTNERSHIPS were signed."))).isTrue();
            assertThat(matches("keyword: partenariat sur l'intelligence artificielle",
                    announcement().text("Un Partenariat sur l’Intelligence Artificielle entre la France et le "
                            + "Maroc."))).isTrue();
            assertThat(matches("keyword: coopération numérique",
                    announcement().text("COOPERATION NUMERIQUE renforcée"))).isTrue();
        }

        @Test
        void aPhraseNeverSpansASentenceEnd() {
            assertThat(matches("keyword: AI partnership",
                    announcement().text("They spoke about AI. Partnership talks follow."))).isFalse();
        }

        @Test
        void oneOfSeveralPhrasesInEachLanguageIsEnough() {
            String rule = "keyword: [AI partnership, partenariat en IA, KI-Partnerschaft]";

            assertThat(matches(rule, announcement().text("Un partenariat en IA est signé."))).isTrue();
            assertThat(matches(rule, announcement().text("An AI partnership is signed."))).isTrue();
            assertThat(matches(rule, announcement().text("Die KI-Partnerschaft ist unterzeichnet."))).isTrue();
            assertThat(matches(rule, announcement().text("Nothing of the kind."))).isFalse();
        }
    }

    @Nested
    class Groups {

        private static final String FRANCE_MAGHREB_NOT_SPAM = """
                all:
                  - aiCooperation: true
                  - any:
                      - pair: [FR, {memberOf: maghreb}]
                      - keyword: partenariat franco-maghrébin
                  - none:
                      - source: spam-feed
                """;

        @Test
        void allAnyAndNoneNestAndTheReasonsNameEveryConditionThatHeld() {
            AnnouncementFixture a = announcement().cooperation("FR", "MA", "accord")
                    .text("Un accord d'IA entre la France et le Maroc.");

            assertThat(evaluate(FRANCE_MAGHREB_NOT_SPAM, a)).contains(List.of(
                    new MatchReason("aiCooperation: true", List.of("accord")),
                    new MatchReason("pair: FR with {memberOf: maghreb}", List.of("FR+MA")),
                    new MatchReason("none: [source: spam-feed]", List.of())));
            assertThat(matches(FRANCE_MAGHREB_NOT_SPAM, a.source("spam-feed"))).isFalse();
        }

        @Test
        void severalKeysOfOneMappingMustAllHold() {
            assertThat(matches("{country: FR, theme: ai}", announcement().country("FR").theme("ai", 2)))
                    .isTrue();
            assertThat(matches("{country: FR, theme: ai}", announcement().country("FR"))).isFalse();
        }

        @Test
        void theShorthandListsAndTheRuleMustAllHold() {
            Subscription s = new Subscription("s", null, List.of("FR"), null, List.of("ai"), true, null,
                    Map.of("keyword", "data centre"), null, null, null);
            CompiledRule rule = RULES.compile(s);
            AnnouncementFixture a = announcement().country("FR").country("AE").theme("ai", 3, "IA")
                    .cooperation("AE", "FR", "accord").text("A new data centre.");

            assertThat(rule.evaluate(a.build())).map(reasons -> reasons.stream().map(MatchReason::condition).toList())
                    .contains(List.of("actor: FR", "theme: ai", "aiCooperation: true", "keyword: data centre"));
            assertThat(rule.evaluate(a.text("Nothing about it.").build())).isEmpty();
        }

        @Test
        void aSubscriptionWithoutConditionsMatchesEverything() {
            Subscription everything = new Subscription("all", null, null, null, null, false, null);

            assertThat(RULES.compile(everything).evaluate(announcement().build())).contains(List.of());
        }
    }

    @Nested
    class TrendSubjects {

        @Test
        void theActorsThemesAndPairsARuleNamesPositivelyAreItsTrendSubjects() {
            CompiledRule rule = RULES.compile(withRule("""
                    all:
                      - theme: regulation
                      - pair: [FR, {memberOf: maghreb}]
                      - none:
                          - actor: DE
                    """));

            assertThat(rule.trendSubjects()).containsExactlyInAnyOrder("themes/regulation",
                    "pairs/DZ+FR", "pairs/FR+LY", "pairs/FR+MA", "pairs/FR+MR", "pairs/FR+TN", "pairs/FR+maghreb");
        }
    }

    @Nested
    class Errors {

        @Test
        void aBadFieldIsNamedByItsPathInTheSubscription() {
            RuleException e = refused("""
                    any:
                      - actor: FR
                      - country: DE
                      - theme: {id: regulation, minScore: high}
                    """);

            assertThat(e.field()).isEqualTo("rule.any[2].theme.minScore");
            assertThat(e.getMessage()).isEqualTo("rule.any[2].theme.minScore: must be a number, got 'high'");
        }

        @Test
        void unknownIdsAreRefusedNamingWhatIsKnown() {
            assertThat(refused("theme: quantum").getMessage()).startsWith("rule.theme: unknown theme 'quantum'");
            assertThat(refused("actor: {memberOf: atlantis}").getMessage())
                    .startsWith("rule.actor.memberOf: unknown group 'atlantis'; groups of actors.yaml: [");
            assertThat(refused("pair: [FR, Atlantis]").field()).isEqualTo("rule.pair[1]");
            assertThatThrownBy(() -> RULES.compile(new Subscription("s", null, List.of("FR", "XX"), null, null,
                    false, null))).isInstanceOf(RuleException.class).hasMessageStartingWith(
                            "actors[1]: unknown actor 'XX'");
        }

        @Test
        void malformedRulesAreRefusedWithTheReason() {
            assertThat(refused("anyOf: [{actor: FR}]").getMessage()).startsWith("rule.anyOf: unknown condition");
            assertThat(refused("any: []").getMessage()).isEqualTo("rule.any: must be a non-empty list of conditions");
            assertThat(refused("all: [{}]").getMessage()).isEqualTo("rule.all[0]: names no condition");
            assertThat(refused("pair: [FR, DE, IT]").field()).isEqualTo("rule.pair");
            assertThat(refused("country: EU").getMessage()).isEqualTo(
                    "rule.country: 'EU' is not a country (use actor: for other actors)");
            assertThat(refused("actor: {type: planet}").field()).isEqualTo("rule.actor.type");
            assertThat(refused("aiCooperation: yes please").field()).isEqualTo("rule.aiCooperation");
            assertThat(refused("keyword: [AI, '!!!']").getMessage()).isEqualTo("rule.keyword[1]: holds no word");
            assertThat(refused("language: xx").field()).isEqualTo("rule.language");
            assertThat(refused("source: Not A Source").field()).isEqualTo("rule.source");
            assertThat(refused("theme: {minScore: 1}").field()).isEqualTo("rule.theme.id");
        }
    }
}
