package io.newsmonitor.rules;

import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.FeedSource;
import io.newsmonitor.text.LanguageGuesser;
import io.newsmonitor.text.PhraseMatcher;
import io.newsmonitor.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a rule tree (plain maps, lists, strings, numbers and booleans, as YAML or JSON give them) into conditions,
 * checking every id against the dictionaries. Each error names the path of the field at fault. See
 * {@code docs/subscriptions.md} for the language.
 */
final class RuleParser {

    private static final Set<String> GROUPS = Set.of("all", "any", "none");
    private static final Set<String> CONDITIONS = Set.of("actor", "country", "theme", "aiCooperation", "pair",
            "language", "source", "sourceTag", "keyword");
    private static final Set<String> KNOWN = known();
    private static final Map<String, ActorType> TYPES = Map.of("country", ActorType.COUNTRY, "group",
            ActorType.GROUP, "organisation", ActorType.ORGANISATION, "person", ActorType.PERSON);

    private final Vocabulary vocabulary;
    private final TextAnalyzer analyzer;

    private static Set<String> known() {
        Set<String> known = new TreeSet<>(GROUPS);
        known.addAll(CONDITIONS);
        return known;
    }

    RuleParser(Vocabulary vocabulary, TextAnalyzer analyzer) {
        this.vocabulary = vocabulary;
        this.analyzer = analyzer;
    }

    /**
     * A mapping of the language: each key a group or a condition, all of which must hold (one key is the usual
     * form; an empty mapping holds always).
     */
    Condition node(Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new RuleException(path, "must be a mapping such as {all: [...]} or {theme: ai}, got "
                    + shown(value));
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            conditions.add(keyed(key, entry.getValue(), path + "." + key));
        }
        return conditions.size() == 1 ? conditions.get(0) : new Group(Group.Kind.ALL, conditions);
    }

    private Condition keyed(String key, Object value, String path) {
        if (GROUPS.contains(key)) {
            return group(Group.Kind.valueOf(key.toUpperCase(Locale.ROOT)), value, path);
        }
        if (!CONDITIONS.contains(key)) {
            throw new RuleException(path, "unknown condition; known: " + KNOWN);
        }
        if (value == null) {
            throw new RuleException(path, "has no value");
        }
        return switch (key) {
            case "actor" -> actor(false, value, path);
            case "country" -> actor(true, value, path);
            case "theme" -> themes(value, path);
            case "aiCooperation" -> new CooperationCondition(bool(value, path));
            case "pair" -> pair(value, path);
            case "language" -> new FieldCondition("language", ClassifiedAnnouncement::language,
                    texts(value, path, this::language));
            case "source" -> new FieldCondition("source", ClassifiedAnnouncement::sourceId,
                    texts(value, path, RuleParser::sourceId));
            case "sourceTag" -> new SourceTagCondition(texts(value, path, (tag, p) -> tag));
            default -> keyword(value, path);
        };
    }

    private Condition group(Group.Kind kind, Object value, String path) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new RuleException(path, "must be a non-empty list of conditions");
        }
        List<Condition> members = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String memberPath = path + "[" + i + "]";
            if (list.get(i) instanceof Map<?, ?> m && m.isEmpty()) {
                throw new RuleException(memberPath, "names no condition");
            }
            members.add(node(list.get(i), memberPath));
        }
        return new Group(kind, members);
    }

    /** The shorthand {@code actors} list: each id must be present. */
    Condition actorId(String id, String path) {
        return new ActorCondition(false, List.of(actorRef(id, path, false, false)));
    }

    /** The shorthand {@code anyActors} list: one of the ids must be present. */
    Condition anyActorId(List<String> ids, String path) {
        List<ActorRef> refs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            refs.add(actorRef(ids.get(i), path + "[" + i + "]", false, false));
        }
        return new ActorCondition(false, refs);
    }

    /** The shorthand {@code languages} list. */
    Condition languages(List<String> codes, String path) {
        return new FieldCondition("language", ClassifiedAnnouncement::language, texts(codes, path, this::language));
    }

    private Condition actor(boolean countriesOnly, Object value, String path) {
        List<ActorRef> refs = new ArrayList<>();
        forEach(value, path, (element, p) -> refs.add(actorRef(element, p, countriesOnly, false)));
        return new ActorCondition(countriesOnly, refs);
    }

    /**
     * An actor reference: an id, {@code {id: ...}}, {@code {type: ...}}, {@code {memberOf: group}} or, on a side of
     * a pair, {@code any}.
     */
    private ActorRef actorRef(Object value, String path, boolean countriesOnly, boolean anyAllowed) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() != 1) {
                throw new RuleException(path, "must hold one of id, type or memberOf");
            }
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            String key = String.valueOf(entry.getKey());
            String p = path + "." + key;
            return switch (key) {
                case "id" -> actorRef(text(entry.getValue(), p), p, countriesOnly, false);
                case "type" -> ofType(text(entry.getValue(), p), p, countriesOnly);
                case "memberOf" -> memberOf(text(entry.getValue(), p), p);
                default -> throw new RuleException(p, "unknown key; known: [id, memberOf, type]");
            };
        }
        String id = text(value, path);
        if (anyAllowed && id.equals("any")) {
            return new ActorRef.Anyone();
        }
        ActorType type = vocabulary.typeOf(id);
        if (type == null) {
            throw new RuleException(path, "unknown actor '" + id + "' (ids of actors.yaml: FR, EU, maghreb, ...)");
        }
        if (countriesOnly && type != ActorType.COUNTRY) {
            throw new RuleException(path, "'" + id + "' is not a country (use actor: for other actors)");
        }
        return new ActorRef.ById(id);
    }

    private static ActorRef ofType(String name, String path, boolean countriesOnly) {
        ActorType type = TYPES.get(name);
        if (type == null) {
            throw new RuleException(path, "unknown actor type '" + name + "'; known: " + new TreeSet<>(TYPES.keySet()));
        }
        if (countriesOnly) {
            throw new RuleException(path, "a country condition takes country ids or {memberOf: group}");
        }
        return new ActorRef.OfType(type);
    }

    private ActorRef memberOf(String group, String path) {
        Set<String> members = vocabulary.members().get(group);
        if (members == null) {
            throw new RuleException(path, "unknown group '" + group + "'; groups of actors.yaml: "
                    + new TreeSet<>(vocabulary.members().keySet()));
        }
        return new ActorRef.MemberOf(group, members);
    }

    private Condition themes(Object value, String path) {
        List<Condition> themes = new ArrayList<>();
        forEach(value, path, (element, p) -> themes.add(theme(element, p)));
        return themes.size() == 1 ? themes.get(0) : new Group(Group.Kind.ANY, themes);
    }

    /** {@code ai} or {@code {id: ai, minScore: 2}}. */
    Condition theme(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!key.equals("id") && !key.equals("minScore")) {
                    throw new RuleException(path + "." + key, "unknown key; known: [id, minScore]");
                }
            }
            if (map.get("id") == null) {
                throw new RuleException(path + ".id", "is required");
            }
            String id = themeId(text(map.get("id"), path + ".id"), path + ".id");
            return new ThemeCondition(id, map.get("minScore") == null ? null
                    : score(map.get("minScore"), path + ".minScore"));
        }
        return new ThemeCondition(themeId(text(value, path), path), null);
    }

    private String themeId(String id, String path) {
        if (!vocabulary.themes().contains(id)) {
            throw new RuleException(path, "unknown theme '" + id + "'; themes of themes.yaml: "
                    + new TreeSet<>(vocabulary.themes()));
        }
        return id;
    }

    private static double score(Object value, String path) {
        double score;
        if (value instanceof Number n) {
            score = n.doubleValue();
        } else {
            try {
                score = Double.parseDouble(text(value, path));
            } catch (NumberFormatException e) {
                throw new RuleException(path, "must be a number, got " + shown(value));
            }
        }
        if (!Double.isFinite(score) || score < 0) {
            throw new RuleException(path, "must be a number of 0 or more, got " + shown(value));
        }
        return score;
    }

    private Condition pair(Object value, String path) {
        if (!(value instanceof List<?> sides) || sides.size() != 2) {
            throw new RuleException(path, "must be a list of two sides, e.g. [FR, {memberOf: maghreb}]");
        }
        return new PairCondition(actorRef(sides.get(0), path + "[0]", false, true),
                actorRef(sides.get(1), path + "[1]", false, true), vocabulary.actors());
    }

    private Condition keyword(Object value, String path) {
        List<String> phrases = new ArrayList<>();
        PhraseMatcher.Builder<String> matcher = PhraseMatcher.onTerms();
        Map<String, String> heads = new LinkedHashMap<>();
        forEach(value, path, (element, p) -> {
            String phrase = text(element, p);
            List<String> terms = analyzer.terms(phrase);
            if (terms.isEmpty()) {
                throw new RuleException(p, "holds no word");
            }
            phrases.add(phrase);
            matcher.add(terms, phrase);
            if (terms.size() == 1 && terms.get(0).length() >= KeywordCondition.MIN_HEAD_CHARS) {
                heads.put(terms.get(0), phrase);
            }
        });
        return new KeywordCondition(phrases, matcher.build(), heads);
    }

    private String language(String code, String path) {
        if (!code.equals(LanguageGuesser.UNDETERMINED) && !LanguageGuesser.isKnown(code)) {
            throw new RuleException(path, "unknown language code '" + code + "' (ISO 639-1: fr, en, de, ...)");
        }
        return code;
    }

    private static String sourceId(String id, String path) {
        if (!FeedSource.VALID_ID.matcher(id).matches()) {
            throw new RuleException(path, "'" + id + "' is not a source id (lower case, digits, '.', '_', '-')");
        }
        return id;
    }

    private static boolean bool(Object value, String path) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw new RuleException(path, "must be true or false, got " + shown(value));
    }

    /** Each value of a single value or a list of them, with its path. */
    private static void forEach(Object value, String path, ElementReader reader) {
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new RuleException(path, "must not be an empty list");
            }
            for (int i = 0; i < list.size(); i++) {
                reader.read(list.get(i), path + "[" + i + "]");
            }
        } else {
            reader.read(value, path);
        }
    }

    private static List<String> texts(Object value, String path, ValueCheck check) {
        List<String> values = new ArrayList<>();
        forEach(value, path, (element, p) -> values.add(check.apply(text(element, p), p)));
        return values;
    }

    private static String text(Object value, String path) {
        if (value == null || value instanceof Map || value instanceof List) {
            throw new RuleException(path, "must be a single value, got " + shown(value));
        }
        String text = String.valueOf(value).strip();
        if (text.isEmpty()) {
            throw new RuleException(path, "must not be blank");
        }
        return text;
    }

    private static String shown(Object value) {
        return value == null ? "nothing" : value instanceof Map ? "a mapping" : value instanceof List ? "a list"
                : "'" + value + "'";
    }

    /** Reads one element of a single value or list. */
    @FunctionalInterface
    private interface ElementReader {
        void read(Object element, String path);
    }

    /** Checks one value of a condition, returning it as kept. */
    @FunctionalInterface
    private interface ValueCheck {
        String apply(String value, String path);
    }
}
