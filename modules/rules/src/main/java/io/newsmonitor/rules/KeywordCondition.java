package io.newsmonitor.rules;

import io.newsmonitor.model.MatchReason;
import io.newsmonitor.text.PhraseMatcher;
import io.newsmonitor.text.Token;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code keyword: ...}: holds when the text holds one of the phrases, matched as the classifier matches its theme
 * terms: on analysed tokens (case, accents, French elisions, English possessives and light plural endings do not
 * matter; {@code KI-Partnerschaft} and {@code KI Partnerschaft} are the same two tokens), never across a sentence
 * end. A one-word phrase of {@value #MIN_HEAD_CHARS} characters or more also closes a German compound, after at least
 * {@value #MIN_MODIFIER_CHARS} others ({@code Partnerschaft} in {@code Forschungspartnerschaft}), as in
 * {@code themes.yaml}. Evidence: the phrases as the text wrote them.
 *
 * @param phrases the phrases as the rule wrote them
 * @param matcher the phrases' analysed terms
 * @param heads   the analysed term of each one-word phrase that may close a compound, to the phrase
 */
record KeywordCondition(List<String> phrases, PhraseMatcher<String> matcher, Map<String, String> heads)
        implements Condition {

    /** Shortest one-word phrase that may close a compound (shorter ones end too many words). */
    static final int MIN_HEAD_CHARS = 6;
    /** Shortest first part of such a compound. */
    static final int MIN_MODIFIER_CHARS = 3;

    KeywordCondition {
        phrases = List.copyOf(phrases);
        heads = Map.copyOf(heads);
    }

    @Override
    public Optional<List<MatchReason>> test(Facts facts) {
        List<Token> tokens = facts.tokens();
        String text = facts.text();
        Set<String> found = new LinkedHashSet<>();
        boolean[] covered = new boolean[tokens.size()];
        for (PhraseMatcher.Match<String> m : matcher.find(tokens)) {
            found.add(text.substring(tokens.get(m.firstToken()).start(), tokens.get(m.lastToken()).end()));
            for (int i = m.firstToken(); i <= m.lastToken(); i++) {
                covered[i] = true;
            }
        }
        if (!heads.isEmpty()) {
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (!covered[i] && closesCompound(t.term())) {
                    found.add(text.substring(t.start(), t.end()));
                }
            }
        }
        return found.isEmpty() ? Optional.empty() : held(List.copyOf(found));
    }

    private boolean closesCompound(String term) {
        for (int k = MIN_MODIFIER_CHARS; k <= term.length() - MIN_HEAD_CHARS; k++) {
            if (heads.containsKey(term.substring(k))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return "keyword: " + Condition.alternatives(phrases);
    }

    @Override
    public void addTrendSubjects(Set<String> subjects) {
        // words are not subjects of trends
    }
}
