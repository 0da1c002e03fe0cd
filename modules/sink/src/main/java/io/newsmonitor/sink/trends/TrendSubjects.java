package io.newsmonitor.sink.trends;

import io.newsmonitor.model.Subscription;
import io.newsmonitor.rules.RuleException;
import io.newsmonitor.rules.Rules;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Function;

/**
 * Which trends a subscription names, as trend keys ({@code actors/FR}, {@code themes/regulation},
 * {@code pairs/AL+FR}): a subscription with {@code trendAlerts: true} is alerted of the trends of what it names.
 */
public final class TrendSubjects {

    private static final Logger LOG = LoggerFactory.getLogger(TrendSubjects.class);

    private TrendSubjects() {
    }

    /**
     * The trends a subscription's rule names positively (its shorthand lists and its rule tree; nothing under
     * {@code none}), as {@code CompiledRule.trendSubjects()} gives them. A busy actor's trend changes with every
     * announcement that names it, so each subscription value is compiled once and remembered by id until it changes;
     * the function is shared by every stream thread. A rule that does not compile names nothing, with one log line
     * per value (the alert processor logs it too).
     */
    public static Function<Subscription, Set<String>> of(Rules rules) {
        Map<String, Compiled> byId = new ConcurrentHashMap<>();
        return s -> {
            Compiled known = byId.get(s.id());
            if (known == null || !known.subscription().equals(s)) {
                known = new Compiled(s, subjects(rules, s));
                byId.put(s.id(), known);
            }
            return known.subjects();
        };
    }

    private static Set<String> subjects(Rules rules, Subscription s) {
        try {
            return rules.compile(s).trendSubjects();
        } catch (RuleException e) {
            LOG.warn("Subscription {} gets no trend alerts: its rule does not compile: {}", s.id(), e.getMessage());
            return Set.of();
        }
    }

    private record Compiled(Subscription subscription, Set<String> subjects) {
    }
}
