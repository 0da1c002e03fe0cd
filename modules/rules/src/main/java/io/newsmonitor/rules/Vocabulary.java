package io.newsmonitor.rules;

import io.newsmonitor.config.ConfigNode;
import io.newsmonitor.model.ActorType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ids a rule may name, read from the dictionaries the classifier uses: every actor of {@code actors.yaml} with its
 * type, the members of each group, and the theme ids of {@code themes.yaml}. Only ids and memberships are read; the
 * processor validates the rest of those files.
 *
 * @param actors  actor id to its type
 * @param members group id to the ids of its members
 * @param themes  theme ids
 */
record Vocabulary(Map<String, ActorType> actors, Map<String, Set<String>> members, Set<String> themes) {

    static final String ACTORS_FILE = "actors.yaml";
    static final String THEMES_FILE = "themes.yaml";

    private static final Map<String, ActorType> SECTIONS = Map.of("countries", ActorType.COUNTRY,
            "groups", ActorType.GROUP, "organisations", ActorType.ORGANISATION, "people", ActorType.PERSON);

    Vocabulary {
        actors = Map.copyOf(actors);
        members = Map.copyOf(members);
        themes = Set.copyOf(themes);
    }

    /**
     * Reads the dictionaries of a configuration directory.
     *
     * @throws io.newsmonitor.config.ConfigException naming the file and key when one is missing or unreadable
     */
    static Vocabulary load(Path configDir) {
        ConfigNode actorsFile = ConfigNode.load(configDir.resolve(ACTORS_FILE));
        Map<String, ActorType> actors = new LinkedHashMap<>();
        Map<String, Set<String>> members = new LinkedHashMap<>();
        for (String section : List.of("countries", "groups", "organisations", "people")) {
            for (ConfigNode entry : actorsFile.list(section)) {
                String id = entry.requiredString("id");
                actors.put(id, SECTIONS.get(section));
                if (SECTIONS.get(section) == ActorType.GROUP) {
                    members.put(id, new LinkedHashSet<>(entry.strings("members")));
                }
            }
        }
        Set<String> themes = new LinkedHashSet<>();
        for (ConfigNode theme : ConfigNode.load(configDir.resolve(THEMES_FILE)).list("themes")) {
            themes.add(theme.requiredString("id"));
        }
        return new Vocabulary(actors, members, themes);
    }

    /** The type of an actor id, or {@code null} when the dictionary has no such actor. */
    ActorType typeOf(String actorId) {
        return actors.get(actorId);
    }
}
