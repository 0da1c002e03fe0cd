package io.newsmonitor.sink.trends;

import io.newsmonitor.model.Subscription;
import io.newsmonitor.rules.Rules;
import java.util.Set;
import java.util.function.Function;

/**
 * Which trends a subscription names, as trend keys ({@code actors/FR}, {@code themes/regulation},
 * {@code pairs/AL+FR}): a subscription with {@code trendAlerts: true} is alerted of the trends of what it names.
 */
public final class TrendSubjects {

    private TrendSubjects() {
    }

    /**
     * The trends a subscription's rule names positively (its shorthand lists and its rule tree; nothing under
     * {@code none}), as {@code CompiledRule.trendSubjects()} gives them. Compiled on each call:
     * trends change a few times an hour, so no cache is worth its sharing between stream threads.
     *
     * The function throws {@code RuleException} for a rule that does not compile
     */
    public static Function<Subscription, Set<String>> of(Rules rules) {
        return s -> rules.compile(s).trendSubjects();
    }
}
