package io.newsmonitor.rules;

import io.newsmonitor.model.ActorType;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** One way a rule names actors: by id, by type, by membership of a group, or anyone (a side of a pair). */
sealed interface ActorRef {

    /** Whether the actor of this id and type is named. */
    boolean matches(String id, ActorType type);

    /** The reference as the rule language writes it. */
    String describe();

    /** The actor ids it names, for trend subjects; empty when it names a whole type or anyone. */
    Set<String> namedIds();

    /** One actor. */
    record ById(String id) implements ActorRef {
        @Override
        public boolean matches(String actorId, ActorType type) {
            return id.equals(actorId);
        }

        @Override
        public String describe() {
            return id;
        }

        @Override
        public Set<String> namedIds() {
            return Set.of(id);
        }
    }

    /** Every actor of a type. */
    record OfType(ActorType type) implements ActorRef {
        @Override
        public boolean matches(String actorId, ActorType actorType) {
            return type == actorType;
        }

        @Override
        public String describe() {
            return "{type: " + type.name().toLowerCase(Locale.ROOT) + "}";
        }

        @Override
        public Set<String> namedIds() {
            return Set.of();
        }
    }

    /** A member of a group, or the group itself (an announcement that names "the Maghreb" is about its members). */
    record MemberOf(String group, Set<String> members) implements ActorRef {
        public MemberOf {
            members = Set.copyOf(members);
        }

        @Override
        public boolean matches(String actorId, ActorType type) {
            return group.equals(actorId) || members.contains(actorId);
        }

        @Override
        public String describe() {
            return "{memberOf: " + group + "}";
        }

        @Override
        public Set<String> namedIds() {
            Set<String> ids = new TreeSet<>(members);
            ids.add(group);
            return ids;
        }
    }

    /** Any actor (one side of a pair left open). */
    record Anyone() implements ActorRef {
        @Override
        public boolean matches(String actorId, ActorType type) {
            return true;
        }

        @Override
        public String describe() {
            return "any";
        }

        @Override
        public Set<String> namedIds() {
            return Set.of();
        }
    }
}
