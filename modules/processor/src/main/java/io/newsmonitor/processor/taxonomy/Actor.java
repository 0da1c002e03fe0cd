package io.newsmonitor.processor.taxonomy;

import io.newsmonitor.model.ActorType;
import java.util.Set;

/**
 * An actor of the dictionary.
 *
 * @param id      its id (ISO 3166-1 alpha-2 for countries)
 * @param type    country, group, organisation or person
 * @param name    display name (the first name listed)
 * @param country home country of an organisation or person, or {@code null} (intergovernmental bodies, countries)
 * @param kind    kind of organisation or group, or {@code null}
 * @param members member countries of a group (empty otherwise)
 * @param actsFor the actor this one acts for, or {@code null}: a person stands for their country ("Macron signs" is
 *                France acting), or for the group or organisation whose office they hold (the President of the
 *                European Commission for the EU, never for her country of birth); a ministry, presidency or
 *                government office ({@code kind: government}) stands for its country
 */
public record Actor(String id, ActorType type, String name, String country, String kind, Set<String> members,
                    String actsFor) {

    /** The organisation kind of ministries, presidencies and government offices. */
    public static final String GOVERNMENT = "government";
    /**
     * The prefix of the ids of organisations recognised in a text by their form rather than found in the dictionary
     * ({@code unlisted-inovia-capital}). Dictionary ids may not start with it, so the two never share an id.
     */
    public static final String UNLISTED_PREFIX = "unlisted-";

    public Actor {
        members = Set.copyOf(members);
    }

    /**
     * Whether two actors are distinct parties for cooperation: two countries; a country and a foreign organisation
     * or a group it is not a member of; organisations of different countries; a group and a non-member's
     * organisation. An intergovernmental organisation is foreign to every country.
     */
    public boolean isDistinctPartyFrom(Actor other) {
        if (id.equals(other.id)) {
            return false;
        }
        return !sameSide(this, other) && !sameSide(other, this);
    }

    /** Whether {@code b} is on {@code a}'s side: same home country, or a member of group {@code a}. */
    private static boolean sameSide(Actor a, Actor b) {
        if (a.type == ActorType.GROUP) {
            return b.home() != null && a.members.contains(b.home());
        }
        return a.home() != null && a.home().equals(b.home());
    }

    /** The country an actor belongs to: itself for a country, its home country otherwise ({@code null} if none). */
    public String home() {
        return type == ActorType.COUNTRY ? id : country;
    }
}
