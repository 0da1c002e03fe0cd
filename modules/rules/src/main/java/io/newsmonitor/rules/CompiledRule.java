package io.newsmonitor.rules;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.MatchReason;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.text.TextAnalyzer;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A subscription's conditions, compiled: the shorthand lists and the rule tree as one {@code all} group, every id
 * checked against the dictionaries. Immutable; thread-safe (a {@link Facts} is not: one per announcement and thread).
 */
public final class CompiledRule {

    private final Subscription subscription;
    private final Condition condition;
    private final TextAnalyzer analyzer;
    private final Set<String> trendSubjects;

    CompiledRule(Subscription subscription, Condition condition, TextAnalyzer analyzer) {
        this.subscription = subscription;
        this.condition = condition;
        this.analyzer = analyzer;
        Set<String> subjects = new TreeSet<>();
        condition.addTrendSubjects(subjects);
        this.trendSubjects = Collections.unmodifiableSet(subjects);
    }

    /** The subscription compiled. */
    public Subscription subscription() {
        return subscription;
    }

    /**
     * Whether the announcement matches, its source having no tags ({@code sourceTag} conditions do not hold): the
     * reasons (each condition that held, with its evidence terms) or empty.
     */
    public Optional<List<MatchReason>> evaluate(ClassifiedAnnouncement announcement) {
        return evaluate(facts(announcement, SourceTags.NONE));
    }

    /** Whether the announcement, whose source has the tags {@code sourceTags} gives, matches; see above. */
    public Optional<List<MatchReason>> evaluate(ClassifiedAnnouncement announcement, SourceTags sourceTags) {
        return evaluate(facts(announcement, sourceTags));
    }

    /**
     * Whether the announcement of these facts ({@link Rules#facts}) matches, its text analysed once for every rule
     * evaluated on them.
     */
    public Optional<List<MatchReason>> evaluate(Facts facts) {
        return condition.test(facts);
    }

    private Facts facts(ClassifiedAnnouncement announcement, SourceTags sourceTags) {
        return new Facts(announcement, sourceTags.of(announcement.sourceId()), analyzer);
    }

    /**
     * What the rule names positively, as trend keys: {@code actors/<id>} (actors and countries, a group's members
     * and the group), {@code themes/<id>}, {@code pairs/<A+B>} (pairs both of whose sides are named by id or group).
     * What a {@code none} group names is left out.
     */
    public Set<String> trendSubjects() {
        return trendSubjects;
    }

    /** Whether a {@code sourceTag} condition reads the source's tags. */
    public boolean readsSourceTags() {
        return condition.readsSourceTags();
    }

    /** The whole rule as the rule language writes it. */
    public String describe() {
        return condition.describe();
    }

    @Override
    public String toString() {
        return "CompiledRule[" + subscription.id() + ": " + describe() + "]";
    }
}
