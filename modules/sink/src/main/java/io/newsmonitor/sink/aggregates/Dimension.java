package io.newsmonitor.sink.aggregates;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.ThemeScore;
import io.newsmonitor.topics.Topics;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What the sink counts announcements per ({@link Topics#AGGREGATE_DIMENSIONS}): each dimension maps an announcement
 * to the keys it counts for, each key once per announcement.
 */
public enum Dimension {
    /** Per actor id (countries, groups, organisations, people). */
    ACTORS(Topics.DIMENSION_ACTORS, a -> a.actors().stream().map(ActorMention::id)),
    /** Per country id among the actors. */
    COUNTRIES(Topics.DIMENSION_COUNTRIES, a -> a.countries().stream()),
    /** Per theme id. */
    THEMES(Topics.DIMENSION_THEMES, a -> a.themes().stream().map(ThemeScore::id)),
    /** Per country and theme, {@code FR|regulation}: every country of the announcement with every theme. */
    COUNTRY_THEMES(Topics.DIMENSION_COUNTRY_THEMES, a -> a.countries().stream()
            .flatMap(country -> a.themes().stream().map(theme -> country + "|" + theme.id()))),
    /** Per AI-cooperation pair, {@code AL+FR} (ids sorted); announcements of AI cooperation only. */
    PAIRS(Topics.DIMENSION_PAIRS, a -> a.aiCooperation()
            ? a.cooperation().pairs().stream().map(Dimension::pairKey) : Stream.empty()),
    /** Per source id. */
    SOURCES(Topics.DIMENSION_SOURCES, a -> Stream.ofNullable(a.sourceId()));

    private final String id;
    private final Function<ClassifiedAnnouncement, Stream<String>> keys;

    Dimension(String id, Function<ClassifiedAnnouncement, Stream<String>> keys) {
        this.id = id;
        this.keys = keys;
    }

    /** Its name in the contract ({@code actors}, {@code country-themes}, ...). */
    public String id() {
        return id;
    }

    /** The keys an announcement counts for in this dimension, each once. */
    public List<String> keysOf(ClassifiedAnnouncement a) {
        return keys.apply(a).filter(Objects::nonNull).distinct().toList();
    }

    /** The aggregate of this dimension in windows of one granularity, as its topic names it: {@code actors.daily}. */
    public String aggregateName(Granularity granularity) {
        return Topics.aggregateName(id, granularity.id());
    }

    /** The dimension of this contract name. */
    public static Dimension of(String id) {
        for (Dimension d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no dimension '" + id + "', expected one of " + Topics.AGGREGATE_DIMENSIONS);
    }

    /** The key of a pair: its two ids sorted, joined by {@code +}. */
    static String pairKey(List<String> pair) {
        return pair.stream().sorted().reduce((first, second) -> first + "+" + second).orElse("");
    }
}
