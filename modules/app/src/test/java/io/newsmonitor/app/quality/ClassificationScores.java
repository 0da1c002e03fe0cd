package io.newsmonitor.app.quality;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.ThemeScore;
import io.newsmonitor.samples.SampleAnnouncement;
import io.newsmonitor.testkit.quality.OrganisationsFound;
import io.newsmonitor.testkit.quality.Scores;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The classification of some items compared with their labels: countries and groups (the EU and the other groups
 * of {@code config/actors.yaml} are labelled, as the labelling guide says, when one of their institutions acts), the
 * organisations named, the themes, the AI-cooperation verdict and, where both say cooperation, its parties (an
 * organisation found by name, one the dictionary does not list, counts as its labelled id).
 */
final class ClassificationScores {

    final int items;
    final Scores countries = new Scores();
    final Scores groups = new Scores();
    final Scores countriesAndGroups = new Scores();
    final Scores themes = new Scores();
    final Map<String, Scores> perTheme = new TreeMap<>();
    final Scores aiCooperation = new Scores();
    final Scores parties = new Scores();
    int organisations;
    int organisationsById;
    int organisationsByName;
    int organisationsUnlabelled;

    /** @param classified each item with its classification */
    ClassificationScores(Map<SampleAnnouncement, ClassifiedAnnouncement> classified) {
        items = classified.size();
        classified.forEach(this::add);
    }

    private void add(SampleAnnouncement item, ClassifiedAnnouncement c) {
        SampleAnnouncement.Expect expect = item.expect();
        Set<String> predictedCountries = ids(c, ActorType.COUNTRY);
        Set<String> predictedGroups = ids(c, ActorType.GROUP);
        countries.add(Set.copyOf(expect.countries()), predictedCountries);
        groups.add(Set.copyOf(expect.groups()), predictedGroups);
        countriesAndGroups.add(union(expect.countries(), expect.groups()),
                union(List.copyOf(predictedCountries), List.copyOf(predictedGroups)));

        OrganisationsFound.Result orgs = OrganisationsFound.match(expect.organisations(), expect.orgNames(),
                c.actors(), c.evidence());
        organisations += orgs.labelled();
        organisationsById += orgs.byId();
        organisationsByName += orgs.byName();
        organisationsUnlabelled += orgs.unmatched().size();

        Set<String> expectedThemes = Set.copyOf(expect.themes());
        Set<String> predictedThemes = c.themes().stream().map(ThemeScore::id).collect(Collectors.toSet());
        themes.add(expectedThemes, predictedThemes);
        for (String theme : union(expect.themes(), List.copyOf(predictedThemes))) {
            perTheme.computeIfAbsent(theme, t -> new Scores())
                    .add(expectedThemes.contains(theme), predictedThemes.contains(theme));
        }

        aiCooperation.add(expect.aiCooperation(), c.aiCooperation());
        if (expect.aiCooperation() && c.aiCooperation()) {
            parties.add(Set.copyOf(expect.parties()), orgs.asLabelled(c.cooperation().parties()));
        }
    }

    /** The share of labelled organisations found, by id or by name. */
    double organisationsFound() {
        return organisations == 0 ? 1.0 : (double) (organisationsById + organisationsByName) / organisations;
    }

    /** The scores of the items of each language. */
    static Map<String, ClassificationScores> perLanguage(Map<SampleAnnouncement, ClassifiedAnnouncement> classified) {
        Map<String, Map<SampleAnnouncement, ClassifiedAnnouncement>> byLanguage = new TreeMap<>();
        classified.forEach((item, c) -> byLanguage.computeIfAbsent(item.language(), l -> new HashMap<>())
                .put(item, c));
        Map<String, ClassificationScores> scores = new TreeMap<>();
        byLanguage.forEach((language, ofLanguage) -> scores.put(language, new ClassificationScores(ofLanguage)));
        return scores;
    }

    private static Set<String> ids(ClassifiedAnnouncement c, ActorType type) {
        return c.actors().stream().filter(a -> a.type() == type).map(ActorMention::id).collect(Collectors.toSet());
    }

    private static Set<String> union(List<String> a, List<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
