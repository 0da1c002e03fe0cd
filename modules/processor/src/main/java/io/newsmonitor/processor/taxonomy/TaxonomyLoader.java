package io.newsmonitor.processor.taxonomy;

import io.newsmonitor.config.ConfigException;
import io.newsmonitor.config.ConfigNode;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.text.PhraseMatcher;
import io.newsmonitor.text.TextAnalyzer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles {@code actors.yaml} and {@code themes.yaml} into a {@link Taxonomy}, validating them: unique ids, group
 * members and home countries that exist, numeric weights. Errors name file and path.
 *
 * <p>Organisations of kind {@code government} (ministries, presidencies, government offices) stand for their
 * country: "the Department of Commerce" or "l'Élysée" is the office, and the country acting through it.
 */
public final class TaxonomyLoader {

    public static final String ACTORS_FILE = "actors.yaml";
    public static final String THEMES_FILE = "themes.yaml";

    private static final Set<String> ACTORS_TOP = Set.of("version", "countries", "groups", "organisations", "people");
    private static final Set<String> COUNTRY = Set.of("id", "names", "adjectives", "prefixes", "capitals",
            "acronyms");
    private static final Set<String> GROUP = Set.of("id", "kind", "names", "acronyms", "aliases", "adjectives",
            "members");
    private static final Set<String> ORGANISATION = Set.of("id", "names", "acronyms", "aliases", "country", "kind");
    private static final Set<String> PERSON = Set.of("id", "names", "role", "country", "actsFor");
    private static final Set<String> THEMES_TOP = Set.of("version", "themes", "cooperation");
    private static final Set<String> THEME = Set.of("id", "label", "minScore", "terms", "acronyms");
    private static final Set<String> COOPERATION = Set.of("cues", "acronyms");

    private final TextAnalyzer analyzer;

    public TaxonomyLoader(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Loads both files from a configuration directory. */
    public Taxonomy load(Path configDir) {
        Path actors = configDir.resolve(ACTORS_FILE);
        Path themes = configDir.resolve(THEMES_FILE);
        byte[] actorBytes = read(actors);
        byte[] themeBytes = read(themes);
        return compile(ConfigNode.root(actors.toString(), new ByteArrayInputStream(actorBytes)),
                ConfigNode.root(themes.toString(), new ByteArrayInputStream(themeBytes)),
                version(actorBytes, themeBytes));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), null, "cannot read: " + e, e);
        }
    }

    /** The first 12 hex digits of the SHA-256 of both files: the taxonomy version. */
    static String version(byte[] actors, byte[] themes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(actors);
            digest.update((byte) 0);
            digest.update(themes);
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private Taxonomy compile(ConfigNode actorsRoot, ConfigNode themesRoot, String version) {
        actorsRoot.allowOnly(ACTORS_TOP);
        Map<String, Actor> actors = new LinkedHashMap<>();
        PhraseMatcher.Builder<ActorTerm> terms = PhraseMatcher.<ActorTerm>onFoldedTerms().genitiveS();
        PhraseMatcher.Builder<ActorTerm> raw = PhraseMatcher.onRawTokens();
        Set<String> countries = new HashSet<>();
        for (ConfigNode c : actorsRoot.list("countries")) {
            c.allowOnly(COUNTRY);
            Actor actor = register(actors, c, ActorType.COUNTRY, null, null, Set.of(), null);
            countries.add(actor.id());
            addTerms(terms, c, "names", actor, MentionForm.NAME);
            addTerms(terms, c, "adjectives", actor, MentionForm.ADJECTIVE);
            addTerms(terms, c, "prefixes", actor, MentionForm.PREFIX);
            addTerms(terms, c, "capitals", actor, MentionForm.CAPITAL);
            addRaw(raw, c, actor, MentionForm.ACRONYM);
        }
        for (ConfigNode g : actorsRoot.list("groups")) {
            g.allowOnly(GROUP);
            List<String> members = g.strings("members");
            for (int i = 0; i < members.size(); i++) {
                if (!countries.contains(members.get(i))) {
                    throw new ConfigException(g.file(), g.path() + ".members[" + i + "]",
                            "'" + members.get(i) + "' is not a country of this file");
                }
            }
            Actor actor = register(actors, g, ActorType.GROUP, null, g.requiredString("kind"), Set.copyOf(members),
                    null);
            addTerms(terms, g, "names", actor, MentionForm.NAME);
            addTerms(terms, g, "aliases", actor, MentionForm.OFFICE);
            addTerms(terms, g, "adjectives", actor, MentionForm.ADJECTIVE);
            addRaw(raw, g, actor, MentionForm.ACRONYM);
        }
        for (ConfigNode o : actorsRoot.list("organisations")) {
            o.allowOnly(ORGANISATION);
            String country = country(o, countries);
            String kind = o.requiredString("kind");
            Actor actor = register(actors, o, ActorType.ORGANISATION, country, kind, Set.of(),
                    Actor.GOVERNMENT.equals(kind) ? country : null);
            // A ministry, presidency or government office is how a text names its country acting: the classifier
            // reports the office and, for it, the country (Actor#actsFor).
            boolean office = actor.actsFor() != null;
            addTerms(terms, o, "names", actor, office ? MentionForm.OFFICE : MentionForm.NAME);
            addTerms(terms, o, "aliases", actor, office ? MentionForm.OFFICE : MentionForm.NAME);
            addRaw(raw, o, actor, office ? MentionForm.OFFICE : MentionForm.ACRONYM);
        }
        for (ConfigNode p : actorsRoot.list("people")) {
            p.allowOnly(PERSON);
            String country = country(p, countries);
            String actsFor = p.string("actsFor", country);
            if (actsFor != null && !actors.containsKey(actsFor)) {
                throw new ConfigException(p.file(), p.path() + ".actsFor", "'" + actsFor
                        + "' is not a country, group or organisation of this file");
            }
            Actor actor = register(actors, p, ActorType.PERSON, country, null, Set.of(), actsFor);
            addTerms(terms, p, "names", actor, MentionForm.NAME);
        }
        Themes themes = themes(themesRoot);
        return new Taxonomy(actors, themes.list, terms.build(), raw.build(), themes.terms.build(),
                themes.raw.build(), themes.heads, themes.cueTerms.build(), themes.cueRaw.build(), version);
    }

    private static Actor register(Map<String, Actor> actors, ConfigNode node, ActorType type, String country,
                                  String kind, Set<String> members, String actsFor) {
        String id = node.requiredString("id");
        if (id.startsWith(Actor.UNLISTED_PREFIX)) {
            throw new ConfigException(node.file(), node.path() + ".id", "'" + id + "' starts with '"
                    + Actor.UNLISTED_PREFIX + "', which is kept for organisations recognised outside the dictionary");
        }
        List<String> names = node.strings("names");
        String name = names.isEmpty() ? id : names.get(0);
        Actor actor = new Actor(id, type, name, country, kind, members, actsFor);
        if (actors.putIfAbsent(id, actor) != null) {
            throw new ConfigException(node.file(), node.path() + ".id", "duplicate id '" + id + "'");
        }
        if (names.isEmpty() && node.strings("acronyms").isEmpty()) {
            throw node.error("'" + id + "' has neither names nor acronyms: it could never be found");
        }
        return actor;
    }

    private static String country(ConfigNode node, Set<String> countries) {
        String country = node.string("country", null);
        if (country != null && !countries.contains(country)) {
            throw new ConfigException(node.file(), node.path() + ".country",
                    "'" + country + "' is not a country of this file");
        }
        return country;
    }

    private void addTerms(PhraseMatcher.Builder<ActorTerm> matcher, ConfigNode node, String key, Actor actor,
                          MentionForm form) {
        for (String phrase : node.strings(key)) {
            matcher.add(analyzer.foldedTerms(phrase), new ActorTerm(actor, form));
        }
    }

    private void addRaw(PhraseMatcher.Builder<ActorTerm> matcher, ConfigNode node, Actor actor, MentionForm form) {
        for (String acronym : node.strings("acronyms")) {
            matcher.add(analyzer.rawTerms(acronym), new ActorTerm(actor, form));
        }
    }

    private static final class Themes {
        final List<Theme> list = new ArrayList<>();
        final PhraseMatcher.Builder<ThemeTerm> terms = PhraseMatcher.onTerms();
        final PhraseMatcher.Builder<ThemeTerm> raw = PhraseMatcher.onRawTokens();
        final PhraseMatcher.Builder<String> cueTerms = PhraseMatcher.onTerms();
        final PhraseMatcher.Builder<String> cueRaw = PhraseMatcher.onRawTokens();
        final Map<String, List<ThemeTerm>> heads = new HashMap<>();
    }

    private Themes themes(ConfigNode root) {
        root.allowOnly(THEMES_TOP);
        Themes themes = new Themes();
        Set<String> ids = new HashSet<>();
        for (ConfigNode t : root.list("themes")) {
            t.allowOnly(THEME);
            String id = t.requiredString("id");
            if (!ids.add(id)) {
                throw new ConfigException(t.file(), t.path() + ".id", "duplicate theme id '" + id + "'");
            }
            double minScore = t.number("minScore", 1.0);
            if (minScore <= 0) {
                throw new ConfigException(t.file(), t.path() + ".minScore", "must be positive");
            }
            Theme theme = new Theme(id, t.string("label", id), minScore);
            themes.list.add(theme);
            addWeighted(t.child("terms"), theme, themes.terms, false);
            addHeads(t.child("terms"), theme, themes.heads);
            addWeighted(t.child("acronyms"), theme, themes.raw, true);
        }
        if (!ids.contains(Taxonomy.AI)) {
            throw new ConfigException(root.file(), "themes", "the theme 'ai' is required");
        }
        ConfigNode cooperation = root.child("cooperation");
        if (cooperation == null) {
            throw new ConfigException(root.file(), "cooperation", "is required (cooperation cues)");
        }
        cooperation.allowOnly(COOPERATION);
        cooperation.strings("cues").forEach(cue -> themes.cueTerms.add(analyzer.terms(cue), cue));
        cooperation.strings("acronyms").forEach(cue -> themes.cueRaw.add(analyzer.rawTerms(cue), cue));
        return themes;
    }

    /** The one-word terms that may close a compound, each analysed form with its theme's term. */
    private void addHeads(ConfigNode tiers, Theme theme, Map<String, List<ThemeTerm>> heads) {
        if (tiers == null) {
            return;
        }
        for (String tier : tiers.keys()) {
            for (String phrase : tiers.strings(tier)) {
                List<String> terms = analyzer.terms(phrase);
                if (terms.size() == 1 && terms.get(0).length() >= Taxonomy.MIN_HEAD_CHARS) {
                    List<ThemeTerm> list = heads.computeIfAbsent(terms.get(0), k -> new ArrayList<>());
                    if (list.stream().noneMatch(x -> x.theme().equals(theme))) {
                        list.add(new ThemeTerm(theme, Double.parseDouble(tier)));
                    }
                }
            }
        }
    }

    private void addWeighted(ConfigNode tiers, Theme theme, PhraseMatcher.Builder<ThemeTerm> matcher, boolean raw) {
        if (tiers == null) {
            return;
        }
        for (String tier : tiers.keys()) {
            double weight;
            try {
                weight = Double.parseDouble(tier);
            } catch (NumberFormatException e) {
                throw new ConfigException(tiers.file(), tiers.path() + "." + tier,
                        "weight tier must be a number, got '" + tier + "'");
            }
            for (String phrase : tiers.strings(tier)) {
                matcher.add(raw ? analyzer.rawTerms(phrase) : analyzer.terms(phrase), new ThemeTerm(theme, weight));
            }
        }
    }
}
