package io.newsmonitor.rules;

import io.newsmonitor.model.Evidence;
import io.newsmonitor.model.MatchReason;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code theme: id} or {@code theme: {id, minScore}}: holds when the theme is present, with at least that score when
 * one is given. Evidence: the theme's terms as the text wrote them (from the classifier's evidence), each once.
 *
 * @param id       theme id
 * @param minScore lowest score accepted, or {@code null} for "present at all"
 */
record ThemeCondition(String id, Double minScore) implements Condition {

    @Override
    public Optional<List<MatchReason>> test(Facts facts) {
        boolean present = facts.announcement().themes().stream()
                .anyMatch(t -> t.id().equals(id) && (minScore == null || t.score() >= minScore));
        if (!present) {
            return Optional.empty();
        }
        return held(facts.announcement().evidence().stream()
                .filter(e -> e.kind().equals("theme") && e.id().equals(id)).map(Evidence::term).distinct().toList());
    }

    @Override
    public String describe() {
        return "theme: " + id + (minScore == null ? "" : " >= " + minScore);
    }

    @Override
    public void addTrendSubjects(Set<String> subjects) {
        subjects.add("themes/" + id);
    }
}
