package io.newsmonitor.processor.classify;

import io.newsmonitor.processor.taxonomy.ActorTerm;
import io.newsmonitor.text.PhraseMatcher;
import io.newsmonitor.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dictionary names written once for two holders: "the U.S. and UK AI Safety Institutes" names the U.S. AI Safety
 * Institute and the UK AI Safety Institute. Each conjunct joined to the shared words (their last one made singular
 * where written as a plural) must be a dictionary name; then both are reported, each spanning from its own first
 * word to the shared last one.
 */
final class CoordinatedNames {

    private static final Set<String> CONJUNCTIONS = Set.of("and", "et", "und", "e", "y");
    /** The longest first conjunct, and the longest conjunct with its shared words, in tokens. */
    private static final int MAX_FIRST = 3;
    private static final int MAX_SECOND = 7;

    private CoordinatedNames() {
    }

    /** The names found in coordinations, as matches over the text's tokens. */
    static List<PhraseMatcher.Match<ActorTerm>> find(List<Token> tokens, PhraseMatcher<ActorTerm> names) {
        List<PhraseMatcher.Match<ActorTerm>> found = new ArrayList<>();
        for (int and = 1; and + 2 < tokens.size(); and++) {
            if (CONJUNCTIONS.contains(tokens.get(and).folded()) && !tokens.get(and).boundaryBefore()
                    && !tokens.get(and + 1).boundaryBefore()) {
                coordination(tokens, and, names, found);
            }
        }
        return found;
    }

    /** The two names around the conjunction at {@code and}, if the shortest shared ending makes both names. */
    private static void coordination(List<Token> tokens, int and, PhraseMatcher<ActorTerm> names,
                                     List<PhraseMatcher.Match<ActorTerm>> found) {
        for (int last = and + 2; last < Math.min(tokens.size(), and + 1 + MAX_SECOND); last++) {
            if (tokens.get(last).boundaryBefore()) {
                return;
            }
            for (Token head : singulars(tokens.get(last))) {
                Optional<ActorTerm> second = whole(names, with(tokens.subList(and + 1, last), head));
                if (second.isEmpty()) {
                    continue;
                }
                List<Token> shared = tokens.subList(and + 2, last);
                for (int first = and - 1; first >= Math.max(0, and - MAX_FIRST); first--) {
                    List<Token> candidate = new ArrayList<>(tokens.subList(first, and));
                    candidate.addAll(shared);
                    Optional<ActorTerm> firstName = whole(names, with(candidate, head));
                    if (firstName.isPresent()) {
                        found.add(new PhraseMatcher.Match<>(firstName.get(), first, last));
                        found.add(new PhraseMatcher.Match<>(second.get(), and + 1, last));
                        return;
                    }
                    if (tokens.get(first).boundaryBefore()) {
                        break;
                    }
                }
            }
        }
    }

    /** The token as written, and as a singular when it reads as an English or French plural. */
    private static List<Token> singulars(Token t) {
        String f = t.folded();
        List<Token> forms = new ArrayList<>(List.of(t));
        if (f.length() > 4 && f.endsWith("ies")) {
            forms.add(folded(t, f.substring(0, f.length() - 3) + "y"));
        }
        if (f.length() > 3 && f.endsWith("s")) {
            forms.add(folded(t, f.substring(0, f.length() - 1)));
        }
        return forms;
    }

    private static Token folded(Token t, String folded) {
        return new Token(t.term(), folded, t.raw(), t.start(), t.end(), t.hyphenAfter(), t.boundaryBefore());
    }

    private static List<Token> with(List<Token> tokens, Token last) {
        List<Token> all = new ArrayList<>(tokens);
        all.add(last);
        return all;
    }

    /** The dictionary term the whole token sequence is, if it is one. */
    private static Optional<ActorTerm> whole(PhraseMatcher<ActorTerm> names, List<Token> tokens) {
        return names.find(tokens).stream()
                .filter(m -> m.firstToken() == 0 && m.lastToken() == tokens.size() - 1)
                .map(PhraseMatcher.Match::value).findFirst();
    }
}
