package io.newsmonitor.sink.aggregates;

import io.newsmonitor.topics.Topics;
import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.ThemeScore;
import java.util.List;
import java.util.function.Function;

/**
 * The aggregates the sink keeps, each counting announcements per key and time window on
 * {@code newsmonitor.aggregates.<name>}, a topic the contract names ({@link Topics#AGGREGATE_NAMES}).
 */
public enum Aggregate {
    /** Per actor id. */
    ACTORS(Topics.aggregateName(Topics.DIMENSION_ACTORS, Topics.DAILY), a -> a.actors().stream().map(ActorMention::id).toList()),
    /** Per theme id. */
    THEMES(Topics.aggregateName(Topics.DIMENSION_THEMES, Topics.DAILY), a -> a.themes().stream().map(ThemeScore::id).toList()),
    /** Per AI-cooperation pair, {@code "AL+FR"}. */
    PAIRS(Topics.aggregateName(Topics.DIMENSION_PAIRS, Topics.DAILY), a -> a.aiCooperation()
            ? a.cooperation().pairs().stream().map(p -> p.get(0) + "+" + p.get(1)).toList() : List.of()),
    /** Per country, AI-cooperation announcements only. */
    AI_COOPERATION_COUNTRIES(Topics.aggregateName(Topics.DIMENSION_COUNTRIES, Topics.DAILY), a -> a.aiCooperation()
            ? a.cooperation().parties().stream().filter(a.countries()::contains).toList() : List.of());

    private final String topicName;
    private final Function<ClassifiedAnnouncement, List<String>> keys;

    Aggregate(String topicName, Function<ClassifiedAnnouncement, List<String>> keys) {
        this.topicName = topicName;
        this.keys = keys;
    }

    /** The name in {@code newsmonitor.aggregates.<name>}. */
    public String topicName() {
        return topicName;
    }

    /** The keys an announcement counts for. */
    public List<String> keysOf(ClassifiedAnnouncement a) {
        return keys.apply(a);
    }

}
