package io.newsmonitor.processor.classify;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.Cooperation;
import io.newsmonitor.model.Evidence;
import io.newsmonitor.model.ThemeScore;
import io.newsmonitor.processor.taxonomy.Actor;
import io.newsmonitor.processor.taxonomy.ActorTerm;
import io.newsmonitor.processor.taxonomy.MentionForm;
import io.newsmonitor.processor.taxonomy.Taxonomy;
import io.newsmonitor.processor.taxonomy.Theme;
import io.newsmonitor.processor.taxonomy.ThemeTerm;
import io.newsmonitor.text.PhraseMatcher;
import io.newsmonitor.text.TextAnalyzer;
import io.newsmonitor.text.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Classifies a cleaned text by actor and theme and decides whether it announces AI cooperation.
 *
 * <ul>
 *   <li>Actors: dictionary phrases on analysed tokens, acronyms on raw tokens. A combining form ({@code franco})
 *       counts only before a hyphen; a capital only where it stands for a government, not after a preposition of
 *       place ({@code à Paris}, {@code in Berlin}) nor in a compound ({@code Paris-based}). Organisations the
 *       dictionary does not list are recognised by the form of their names ({@link OrganisationNames}).</li>
 *   <li>Themes: the weights of the matched terms add up (title matches count double); a theme is present from its
 *       {@code minScore}.</li>
 *   <li>AI cooperation: the {@code ai} theme reaches the substantive score, and a sentence (the title counts as
 *       one) holds a cooperation cue and, in it or in the sentence before, at least two distinct parties (see
 *       {@link Actor#isDistinctPartyFrom}). A person or a government office stands for the actor it acts for
 *       ({@link Actor#actsFor}) as a party, and that actor counts among the actors.</li>
 * </ul>
 * Every decision keeps its evidence (term and offsets). Thread-safe.
 */
public final class Classifier {

    private static final Set<String> PLACE_PREPOSITIONS = Set.of("à", "a", "au", "en", "de", "du", "in", "at",
            "near", "from", "nach", "aus", "bei", "im", "zu", "vers", "depuis", "to", "von");
    private static final double TITLE_FACTOR = 2.0;
    /** Shortest first part of a compound whose head is a theme term ({@code KI} is split off by the hyphen). */
    private static final int MIN_MODIFIER_CHARS = 3;

    private final Taxonomy taxonomy;
    private final TextAnalyzer analyzer;
    private final double aiSubstantiveScore;

    /**
     * @param aiSubstantiveScore the {@code ai} score from which AI is the subject rather than a passing word
     */
    public Classifier(Taxonomy taxonomy, TextAnalyzer analyzer, double aiSubstantiveScore) {
        this.taxonomy = taxonomy;
        this.analyzer = analyzer;
        this.aiSubstantiveScore = aiSubstantiveScore;
    }

    /** The taxonomy this classifier uses. */
    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /**
     * Classifies a text whose first {@code titleLength} characters are the title.
     */
    public Classification classify(String text, int titleLength) {
        return classify(text, titleLength, analyzer.tokens(text));
    }

    /** {@link #classify(String, int)} with the text already analysed (its tokens, in order). */
    public Classification classify(String text, int titleLength, List<Token> tokens) {
        Sentences sentences = new Sentences(text);
        List<Evidence> evidence = new ArrayList<>();
        OrganisationNames.Known known = new OrganisationNames.Known(tokens.size());
        List<Found> actorsFound = actors(tokens, text, titleLength, evidence, known);
        List<Evidence> actorMatches = List.copyOf(evidence);
        actorsFound.addAll(unlisted(text, tokens, titleLength, known, evidence));
        Map<String, Double> scores = themes(tokens, text, titleLength, evidence);
        List<Found> cues = cues(tokens, text, evidence);
        cues.addAll(pairedNames(actorsFound, text, evidence));
        evidence.sort(Comparator.comparingInt(Evidence::start));

        List<ThemeScore> themes = new ArrayList<>();
        for (Theme theme : taxonomy.themes()) {
            double score = scores.getOrDefault(theme.id(), 0.0);
            if (score >= theme.minScore()) {
                themes.add(new ThemeScore(theme.id(), Math.round(score * 100) / 100.0));
            }
        }
        themes.sort(Comparator.comparingDouble(ThemeScore::score).reversed());
        boolean aiSubstantive = scores.getOrDefault(Taxonomy.AI, 0.0) >= aiSubstantiveScore
                && themes.stream().anyMatch(t -> t.id().equals(Taxonomy.AI));
        Cooperation cooperation = cooperation(actorsFound, cues, sentences, titleLength);
        List<Found> acting = acting(actorsFound, cooperation, titleLength, evidence);
        return new Classification(mentions(acting), countries(acting), themes,
                aiSubstantive && !cooperation.pairs().isEmpty(), cooperation, evidence, actorMatches);
    }

    /**
     * An actor or cue occurrence.
     *
     * @param strong  whether the form itself says a state acts: an office (ministry, EU institution), a person, an
     *                adjective next to a state word, a compound or a capital standing for its government
     * @param capital whether it is a capital, which says a state acts only where it is a cooperation party ("Paris et
     *                Tirana signent"); once in passing ("Doha's plans to invest") it is context like a plain name
     */
    private record Found(Actor actor, String cue, String term, int start, int end, boolean strong, boolean capital) {

        Found(Actor actor, String cue, String term, int start, int end, boolean strong) {
            this(actor, cue, term, start, end, strong, false);
        }
    }

    /** What follows a dateline's place: a comma, a bracket (the agency) or a dash. */
    private static final String DATELINE_MARKS = ",(\u2014\u2013-";
    /** How many characters after a dateline's comma its date starts at the latest ({@code , le 26 sept.}). */
    private static final int DATE_WITHIN = 12;
    /** Mentions of a country or group from this many on make it a subject of the text even without a cue. */
    private static final int SUBJECT_MENTIONS = 3;
    /** Mentions from which a cooperation party named in plain words (no title, no strong form) is an actor. */
    private static final int PARTY_MENTIONS = 2;

    /**
     * The occurrences of the actors that take part (docs/labelling.md): organisations and people as found; a country
     * or group only when it is a cooperation party named at least twice, is named in the title, is named by a strong
     * form (a capital only as a party), or is named {@value #SUBJECT_MENTIONS} times or more. A country named once in
     * passing (a rival, an example, a place, a company's home) is context. The evidence of the others is dropped with
     * them.
     */
    private static List<Found> acting(List<Found> found, Cooperation cooperation, int titleLength,
                                      List<Evidence> evidence) {
        Map<String, Integer> counts = new HashMap<>();
        Set<String> salient = new TreeSet<>();
        for (Found f : found) {
            counts.merge(f.actor().id(), 1, Integer::sum);
            if (f.strong() && (!f.capital() || cooperation.parties().contains(f.actor().id()))
                    || f.start() < titleLength) {
                salient.add(f.actor().id());
            }
        }
        // A party named once in the whole text sits in a cue's sentence as its object ("soutien à l'Ukraine",
        // "Unabhängigkeit von China und den USA") more often than it acts.
        cooperation.parties().stream().filter(p -> counts.getOrDefault(p, 0) >= PARTY_MENTIONS)
                .forEach(salient::add);
        Set<String> context = new TreeSet<>();
        for (Found f : found) {
            if (isState(f.actor()) && !salient.contains(f.actor().id()) && counts.get(f.actor().id()) < SUBJECT_MENTIONS) {
                context.add(f.actor().id());
            }
        }
        evidence.removeIf(e -> e.kind().equals("actor") && context.contains(e.id()));
        return found.stream().filter(f -> !context.contains(f.actor().id())).toList();
    }

    /** Dictionary actors, marking in {@code known} the tokens they cover. */
    private List<Found> actors(List<Token> tokens, String text, int titleLength, List<Evidence> evidence,
                               OrganisationNames.Known known) {
        List<Found> found = new ArrayList<>();
        List<PhraseMatcher.Match<ActorTerm>> matches = new ArrayList<>(taxonomy.actorTerms().find(tokens));
        matches.addAll(taxonomy.actorRaw().find(tokens));
        // The second conjunct may be matched already ("UK AI Safety Institutes" through the genitive fallback).
        CoordinatedNames.find(tokens, taxonomy.actorTerms()).stream().filter(c -> !matches.contains(c))
                .forEach(matches::add);
        for (PhraseMatcher.Match<ActorTerm> m : matches) {
            ActorTerm term = m.value();
            Token first = tokens.get(m.firstToken());
            Token last = tokens.get(m.lastToken());
            if (term.form() == MentionForm.PREFIX && !last.hyphenAfter()) {
                continue;
            }
            if (term.form() == MentionForm.CAPITAL && (isPlace(tokens, m) || isDateline(tokens, m, text, titleLength)
                    || NationalityCue.nextToCompanyWord(tokens, m, text))) {
                continue;
            }
            if (NationalityCue.onlyDescribes(tokens, text, m, matches)) {
                mark(known.describing(), m);
                continue;
            }
            mark(term.actor().type() == ActorType.COUNTRY ? known.countries() : known.names(), m);
            String surface = text.substring(first.start(), last.end());
            found.add(new Found(term.actor(), null, surface, first.start(), last.end(), term.form() != MentionForm.NAME
                    && term.form() != MentionForm.ACRONYM, term.form() == MentionForm.CAPITAL));
            evidence.add(new Evidence("actor", term.actor().id(), surface, first.start(), last.end()));
            Actor represented = represented(term.actor());
            if (represented != null) {
                found.add(new Found(represented, null, surface, first.start(), last.end(), true));
                evidence.add(new Evidence("actor", represented.id(), surface, first.start(), last.end()));
            }
        }
        return found;
    }

    private static void mark(boolean[] tokens, PhraseMatcher.Match<ActorTerm> m) {
        for (int i = m.firstToken(); i <= m.lastToken(); i++) {
            tokens[i] = true;
        }
    }

    /**
     * Organisations the dictionary does not list, recognised by the form of their names ({@link OrganisationNames}).
     * Each is an organisation of unknown country, so it is a distinct party from every other actor
     * ({@link Actor#isDistinctPartyFrom}): like a dictionary organisation it becomes a cooperation party when it sits
     * in a cue's sentence with another party. Its occurrences are added to the evidence but not to the
     * classification's {@code mentions}: those are spans the story anchors leave out, and an organisation's own name
     * is exactly what tells one event from another.
     */
    private static List<Found> unlisted(String text, List<Token> tokens, int titleLength,
                                        OrganisationNames.Known known, List<Evidence> evidence) {
        List<Found> found = new ArrayList<>();
        for (OrganisationNames.Occurrence o : OrganisationNames.find(text, tokens, titleLength, known)) {
            Actor actor = new Actor(o.id(), ActorType.ORGANISATION, o.name(), null, null, Set.of(), null);
            found.add(new Found(actor, null, o.term(), o.start(), o.end(), false));
            evidence.add(new Evidence("actor", o.id(), o.term(), o.start(), o.end()));
        }
        return found;
    }

    /**
     * Whether a capital names a place rather than a government: after a preposition of place ({@code à Paris}), or
     * as the first part of a compound ({@code Paris-based}, {@code Berlin-Mitte}).
     */
    private static boolean isPlace(List<Token> tokens, PhraseMatcher.Match<ActorTerm> m) {
        return tokens.get(m.lastToken()).hyphenAfter() || m.firstToken() > 0
                && PLACE_PREPOSITIONS.contains(tokens.get(m.firstToken() - 1).raw().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a capital opens a paragraph as a dateline, the place a report was written ({@code Nueva Delhi, 20 feb
     * (EFE).-}, {@code OTTAWA, le 26 sept. 2024}, {@code WASHINGTON (Reuters) -}, {@code BERLIN — }): followed by a
     * bracket, a dash, or a comma and a date (a digit soon after), unlike a list of capitals acting ("Paris, Berlin
     * et Rome signent").
     */
    private static boolean isDateline(List<Token> tokens, PhraseMatcher.Match<ActorTerm> m, String text,
                                      int titleLength) {
        int first = m.firstToken();
        boolean opensBodyLine = tokens.get(first).start() >= titleLength && first > 0
                && text.substring(tokens.get(first - 1).end(), tokens.get(first).start()).indexOf('\n') >= 0;
        if (!opensBodyLine) {
            return false;
        }
        int after = tokens.get(m.lastToken()).end();
        while (after < text.length() && Character.isSpaceChar(text.charAt(after))) {
            after++;
        }
        if (after >= text.length() || DATELINE_MARKS.indexOf(text.charAt(after)) < 0) {
            return false;
        }
        if (text.charAt(after) != ',') {
            return true;
        }
        for (int i = after + 1; i < Math.min(text.length(), after + DATE_WITHIN); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Double> themes(List<Token> tokens, String text, int titleLength, List<Evidence> evidence) {
        Map<String, Double> scores = new HashMap<>();
        List<PhraseMatcher.Match<ThemeTerm>> matches = new ArrayList<>(taxonomy.themeTerms().find(tokens));
        matches.addAll(taxonomy.themeRaw().find(tokens));
        boolean[] covered = new boolean[tokens.size()];
        for (PhraseMatcher.Match<ThemeTerm> m : matches) {
            for (int i = m.firstToken(); i <= m.lastToken(); i++) {
                covered[i] = true;
            }
            addTheme(m.value(), tokens.get(m.firstToken()), tokens.get(m.lastToken()), text, titleLength, scores,
                    evidence);
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (!covered[i]) {
                Token t = tokens.get(i);
                compoundHead(t.term()).forEach(term -> addTheme(term, t, t, text, titleLength, scores, evidence));
            }
        }
        return scores;
    }

    private static void addTheme(ThemeTerm term, Token first, Token last, String text, int titleLength,
                                 Map<String, Double> scores, List<Evidence> evidence) {
        double weight = term.weight() * (first.start() < titleLength ? TITLE_FACTOR : 1.0);
        scores.merge(term.theme().id(), weight, Double::sum);
        evidence.add(new Evidence("theme", term.theme().id(), text.substring(first.start(), last.end()),
                first.start(), last.end()));
    }

    /**
     * The theme terms a compound word ends with: German puts the head last ({@code Spitzenforschung},
     * {@code Exportkontrollen}, {@code Rechenzentrumsbetreiber} does not end with one and is left alone). The
     * longest one-word term that is a proper suffix, after at least {@value #MIN_MODIFIER_CHARS} characters.
     */
    private List<ThemeTerm> compoundHead(String term) {
        for (int k = MIN_MODIFIER_CHARS; k <= term.length() - Taxonomy.MIN_HEAD_CHARS; k++) {
            List<ThemeTerm> head = taxonomy.themeHeads().get(term.substring(k));
            if (head != null) {
                return head;
            }
        }
        return List.of();
    }

    private List<Found> cues(List<Token> tokens, String text, List<Evidence> evidence) {
        List<Found> found = new ArrayList<>();
        List<PhraseMatcher.Match<String>> matches = new ArrayList<>(taxonomy.cueTerms().find(tokens));
        matches.addAll(taxonomy.cueRaw().find(tokens));
        for (PhraseMatcher.Match<String> m : matches) {
            Token first = tokens.get(m.firstToken());
            Token last = tokens.get(m.lastToken());
            String surface = text.substring(first.start(), last.end());
            found.add(new Found(null, m.value(), surface, first.start(), last.end(), false));
            evidence.add(new Evidence("cue", "cooperation", surface, first.start(), last.end()));
        }
        return found;
    }

    /**
     * Two countries or groups joined by a hyphen ("Déclaration Canada-France", "UAE-US AI campus",
     * "franco-allemand") name a bilateral act: the pair is its own cooperation cue.
     */
    private static List<Found> pairedNames(List<Found> actors, String text, List<Evidence> evidence) {
        List<Found> found = new ArrayList<>();
        for (int i = 0; i + 1 < actors.size(); i++) {
            Found a = actors.get(i);
            Found b = actors.get(i + 1);
            if (isState(a.actor()) && isState(b.actor()) && a.actor().isDistinctPartyFrom(b.actor())
                    && b.start() == a.end() + 1 && "-\u2010\u2011\u2013".indexOf(text.charAt(a.end())) >= 0) {
                String surface = text.substring(a.start(), b.end());
                found.add(new Found(null, surface, surface, a.start(), b.end(), false));
                evidence.add(new Evidence("cue", "cooperation", surface, a.start(), b.end()));
            }
        }
        return found;
    }

    private static boolean isState(Actor actor) {
        return actor.type() == ActorType.COUNTRY || actor.type() == ActorType.GROUP;
    }

    private Cooperation cooperation(List<Found> actors, List<Found> cues, Sentences sentences, int titleLength) {
        Map<Integer, List<Found>> cuesBySentence = new HashMap<>();
        for (Found cue : cues) {
            cuesBySentence.computeIfAbsent(unit(cue, sentences, titleLength), k -> new ArrayList<>()).add(cue);
        }
        Map<Integer, Map<String, Actor>> partiesBySentence = new HashMap<>();
        for (Found a : actors) {
            Actor party = asParty(a.actor());
            if (party != null) {
                partiesBySentence.computeIfAbsent(unit(a, sentences, titleLength), k -> new LinkedHashMap<>())
                        .putIfAbsent(party.id(), party);
            }
        }
        Set<String> parties = new TreeSet<>();
        Set<List<String>> pairs = new TreeSet<>(Comparator.comparing((List<String> p) -> p.get(0))
                .thenComparing(p -> p.get(1)));
        Set<String> cueTerms = new TreeSet<>();
        for (Map.Entry<Integer, List<Found>> entry : cuesBySentence.entrySet()) {
            Map<String, Actor> near = new LinkedHashMap<>(partiesBySentence.getOrDefault(entry.getKey(), Map.of()));
            if (entry.getKey() >= 0) {
                // "X and Y met on Tuesday. They agreed to cooperate on AI.": the cue's subject is in the sentence
                // before.
                partiesBySentence.getOrDefault(entry.getKey() - 1, Map.of()).forEach(near::putIfAbsent);
            }
            List<Actor> inSentence = new ArrayList<>(near.values());
            boolean tied = false;
            for (int i = 0; i < inSentence.size(); i++) {
                for (int j = i + 1; j < inSentence.size(); j++) {
                    Actor a = inSentence.get(i);
                    Actor b = inSentence.get(j);
                    if (a.isDistinctPartyFrom(b)) {
                        tied = true;
                        parties.add(a.id());
                        parties.add(b.id());
                        pairs.add(a.id().compareTo(b.id()) < 0 ? List.of(a.id(), b.id()) : List.of(b.id(), a.id()));
                    }
                }
            }
            if (tied) {
                entry.getValue().forEach(cue -> cueTerms.add(cue.term()));
            }
        }
        return new Cooperation(List.copyOf(parties), List.copyOf(pairs), List.copyOf(cueTerms));
    }

    /** The title is one unit; the rest is cut into sentences. */
    private static int unit(Found f, Sentences sentences, int titleLength) {
        return f.start() < titleLength ? -1 : sentences.of(f.start());
    }

    /**
     * The actor a person or a government office acts for ("Macron signs…" is France acting, the Commission's President
     * the EU), or {@code null}.
     */
    private Actor represented(Actor actor) {
        return actor.actsFor() == null ? null : taxonomy.actors().get(actor.actsFor());
    }

    /** The party an actor stands for: a person or a government office stands for the actor it acts for. */
    private Actor asParty(Actor actor) {
        Actor represented = represented(actor);
        return represented != null ? represented : actor.type() == ActorType.PERSON ? null : actor;
    }

    private static List<ActorMention> mentions(List<Found> found) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Actor> byId = new HashMap<>();
        for (Found f : found) {
            counts.computeIfAbsent(f.actor().id(), k -> new int[1])[0]++;
            byId.putIfAbsent(f.actor().id(), f.actor());
        }
        List<ActorMention> mentions = new ArrayList<>();
        counts.forEach((id, n) -> mentions.add(new ActorMention(id, byId.get(id).type(), byId.get(id).name(), n[0])));
        mentions.sort(Comparator.comparingInt(ActorMention::mentions).reversed().thenComparing(ActorMention::id));
        return mentions;
    }

    private static List<String> countries(List<Found> found) {
        TreeMap<String, Boolean> ids = new TreeMap<>();
        found.stream().filter(f -> f.actor().type() == ActorType.COUNTRY).forEach(f -> ids.put(f.actor().id(), true));
        return List.copyOf(ids.keySet());
    }
}
