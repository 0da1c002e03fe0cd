package io.newsmonitor.processor.quality;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.Evidence;
import io.newsmonitor.processor.classify.Classification;
import io.newsmonitor.samples.SampleAnnouncement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the organisations a text names were found, scored as the live quality scorer does ({@code OrgMatcher} of
 * the app module's tests, which this module cannot see): a labelled organisation is found when an organisation or
 * group actor has its id, or when its name as written and the actor's display name or one of its matched terms are
 * the same words (case, accents and punctuation aside), or one holds the other as whole words and the shorter has at
 * least {@value #CONTAINED_MIN_CHARS} characters.
 */
final class OrgScore {

    private static final int CONTAINED_MIN_CHARS = 5;
    private static final Set<ActorType> ORGANISATION_TYPES = Set.of(ActorType.ORGANISATION, ActorType.GROUP);

    /**
     * One item's organisations.
     *
     * @param labelled  how many the labels name
     * @param byId      found by id
     * @param byName    found by name only
     * @param unmatched organisation actors of the output that match no labelled organisation
     * @param missed    the labelled organisations found neither way, by their names as written (else their ids)
     */
    record Result(int labelled, int byId, int byName, List<ActorMention> unmatched, List<String> missed) {
    }

    private OrgScore() {
    }

    static Result match(SampleAnnouncement item, Classification c) {
        List<ActorMention> detected = c.actors().stream().filter(a -> ORGANISATION_TYPES.contains(a.type())).toList();
        Map<String, Set<String>> namesOf = detected.stream().collect(Collectors.toMap(ActorMention::id,
                a -> names(a, c.evidence())));
        Set<String> matchedActors = new HashSet<>();
        List<String> missed = new ArrayList<>();
        int byId = 0;
        int byName = 0;
        for (String org : item.expect().organisations()) {
            if (namesOf.containsKey(org)) {
                byId++;
                matchedActors.add(org);
                continue;
            }
            String written = normalise(item.expect().orgNames().getOrDefault(org, ""));
            List<String> sameName = namesOf.entrySet().stream()
                    .filter(e -> !written.isEmpty() && e.getValue().stream().anyMatch(n -> sameWords(written, n)))
                    .map(Map.Entry::getKey).toList();
            if (!sameName.isEmpty()) {
                byName++;
                matchedActors.addAll(sameName);
            } else {
                missed.add(item.expect().orgNames().getOrDefault(org, org));
            }
        }
        List<ActorMention> unmatched = detected.stream().filter(a -> a.type() == ActorType.ORGANISATION)
                .filter(a -> !matchedActors.contains(a.id())).toList();
        return new Result(item.expect().organisations().size(), byId, byName, unmatched, missed);
    }

    private static Set<String> names(ActorMention actor, List<Evidence> evidence) {
        Set<String> names = new HashSet<>();
        names.add(normalise(actor.name()));
        evidence.stream().filter(e -> e.kind().equals("actor") && e.id().equals(actor.id()))
                .forEach(e -> names.add(normalise(e.term())));
        return names;
    }

    private static boolean sameWords(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= CONTAINED_MIN_CHARS && (" " + longer + " ").contains(" " + shorter + " ");
    }

    private static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
