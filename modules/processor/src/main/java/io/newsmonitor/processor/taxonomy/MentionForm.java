package io.newsmonitor.processor.taxonomy;

/**
 * How a dictionary phrase names an actor, which decides where it counts.
 */
public enum MentionForm {
    /** Its name or an alias. */
    NAME,
    /** A demonym or adjective ({@code albanais}, {@code German}). */
    ADJECTIVE,
    /** A bound combining form, counted only before a hyphen ({@code franco-}). */
    PREFIX,
    /** A capital city, counted only where it stands for a government, not as a venue. */
    CAPITAL,
    /** A case-sensitive acronym or brand. */
    ACRONYM,
    /**
     * An office acting for a country or group: a ministry, presidency or government office of a country, an
     * institution of a group ({@code Commission européenne}). Such a name says the state itself acts.
     */
    OFFICE
}
