package io.newsmonitor.testkit.quality;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.Evidence;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether the organisations a text names were found, as the quality tests of the processor (dev probe) and of the live
 * path score it. The labels give each organisation an id (the id of {@code config/actors.yaml} when it is there, a new
 * one otherwise) and, in the held-out corpus, its name as the text writes it. A labelled organisation is found when
 * an organisation or group actor of the output has its id, or when the name as written and the actor's display name
 * or one of its matched terms are the same words (case, accents and punctuation aside), or one holds the other as
 * whole words and the shorter has at least {@value #CONTAINED_MIN_CHARS} characters ("KI-Bundesverband" and "KI
 * Bundesverband e.V."; not "EU" in "EU AI Office").
 */
public final class OrganisationsFound {

    private static final int CONTAINED_MIN_CHARS = 5;
    private static final Set<ActorType> ORGANISATION_TYPES = Set.of(ActorType.ORGANISATION, ActorType.GROUP);
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * One item's organisations.
     *
     * @param labelled  how many the labels name
     * @param byId      found by id
     * @param byName    found by name only
     * @param unmatched organisation actors of the output that match no labelled organisation
     * @param missed    the labelled organisations found neither way, by their names as written (else their ids)
     * @param labelIds  the labelled id of each output actor found by name only (an organisation the dictionary does
     *                  not list has an id of the output's own), so that parties are compared as the same organisation
     */
    public record Result(int labelled, int byId, int byName, List<ActorMention> unmatched, List<String> missed,
                         Map<String, String> labelIds) {

        /** The output's actor ids with those found by name as their labelled ids. */
        public Set<String> asLabelled(Collection<String> ids) {
            return ids.stream().map(id -> labelIds.getOrDefault(id, id)).collect(Collectors.toSet());
        }
    }

    private OrganisationsFound() {
    }

    /**
     * @param organisations the labelled organisation ids
     * @param orgNames      each labelled organisation's name as the text writes it (may lack some)
     * @param actors        the output's actors
     * @param evidence      the output's evidence, whose actor matches give each actor's terms
     */
    public static Result match(List<String> organisations, Map<String, String> orgNames, List<ActorMention> actors,
                               List<Evidence> evidence) {
        List<ActorMention> detected = actors.stream().filter(a -> ORGANISATION_TYPES.contains(a.type())).toList();
        Map<String, Set<String>> namesOf = detected.stream().collect(Collectors.toMap(ActorMention::id,
                a -> names(a, evidence)));
        Set<String> matchedActors = new HashSet<>();
        Map<String, String> labelIds = new HashMap<>();
        List<String> missed = new ArrayList<>();
        int byId = 0;
        int byName = 0;
        for (String org : organisations) {
            if (namesOf.containsKey(org)) {
                byId++;
                matchedActors.add(org);
                continue;
            }
            String written = normalise(orgNames.getOrDefault(org, ""));
            List<String> sameName = namesOf.entrySet().stream()
                    .filter(e -> !written.isEmpty() && e.getValue().stream().anyMatch(n -> sameWords(written, n)))
                    .map(Map.Entry::getKey).toList();
            if (sameName.isEmpty()) {
                missed.add(orgNames.getOrDefault(org, org));
            } else {
                byName++;
                matchedActors.addAll(sameName);
                sameName.forEach(id -> labelIds.putIfAbsent(id, org));
            }
        }
        List<ActorMention> unmatched = detected.stream().filter(a -> a.type() == ActorType.ORGANISATION)
                .filter(a -> !matchedActors.contains(a.id())).toList();
        return new Result(organisations.size(), byId, byName, unmatched, missed, labelIds);
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
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(folded).replaceAll(" ").strip();
    }
}
