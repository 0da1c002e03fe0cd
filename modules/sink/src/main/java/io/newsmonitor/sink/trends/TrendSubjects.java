package io.newsmonitor.sink.trends;

import io.newsmonitor.model.Subscription;
import io.newsmonitor.sink.aggregates.Dimension;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which trends a subscription names, as trend keys ({@code actors/FR}, {@code themes/regulation},
 * {@code pairs/AL+FR}): a subscription with {@code trendAlerts: true} is alerted of the trends of what it names.
 */
public final class TrendSubjects {

    private TrendSubjects() {
    }

    /**
     * The trends the shorthand conditions name: every actor of {@code actors} and {@code anyActors}, every theme of
     * {@code themes}. (Pairs and the rule tree are named by the rules, when they give their subjects.)
     */
    public static Set<String> ofShorthand(Subscription s) {
        Set<String> subjects = new LinkedHashSet<>();
        Stream.concat(s.actors().stream(), s.anyActors().stream())
                .forEach(actor -> subjects.add(TrendProcessor.trendKey(Dimension.ACTORS, actor)));
        s.themes().forEach(theme -> subjects.add(TrendProcessor.trendKey(Dimension.THEMES, theme)));
        return Set.copyOf(subjects);
    }
}
