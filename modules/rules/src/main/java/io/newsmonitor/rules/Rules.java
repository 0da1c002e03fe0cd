package io.newsmonitor.rules;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.text.TextAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule language of subscriptions (see {@code docs/subscriptions.md}), compiled against the dictionaries of a
 * configuration directory: {@code actors.yaml} (actor ids, their types, the members of each group) and
 * {@code themes.yaml} (theme ids), so that a rule naming an unknown id is refused when it is written, not silently
 * never matched. Keywords are analysed with the classifier's text analysis. Immutable; thread-safe.
 */
public final class Rules {

    private final TextAnalyzer analyzer;
    private final RuleParser parser;

    private Rules(Vocabulary vocabulary, TextAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.parser = new RuleParser(vocabulary, analyzer);
    }

    /**
     * The rules of a configuration directory.
     *
     * @throws io.newsmonitor.config.ConfigException naming the file and key when a dictionary is missing or unreadable
     */
    public static Rules load(Path configDir) {
        return new Rules(Vocabulary.load(configDir), new TextAnalyzer());
    }

    /**
     * Compiles a subscription's conditions: every shorthand list given and the rule tree must hold.
     *
     * @throws RuleException naming the field path ({@code rule.any[2].theme.minScore}, {@code themes[1]}) and why
     */
    public CompiledRule compile(Subscription s) {
        List<Condition> all = new ArrayList<>();
        for (int i = 0; i < s.actors().size(); i++) {
            all.add(parser.actorId(s.actors().get(i), "actors[" + i + "]"));
        }
        if (!s.anyActors().isEmpty()) {
            all.add(parser.anyActorId(s.anyActors(), "anyActors"));
        }
        for (int i = 0; i < s.themes().size(); i++) {
            all.add(parser.theme(s.themes().get(i), "themes[" + i + "]"));
        }
        if (Boolean.TRUE.equals(s.aiCooperation())) {
            all.add(new CooperationCondition(true));
        }
        if (!s.languages().isEmpty()) {
            all.add(parser.languages(s.languages(), "languages"));
        }
        if (!s.rule().isEmpty()) {
            all.add(parser.node(s.rule(), "rule"));
        }
        Condition condition = all.size() == 1 ? all.get(0) : new Group(Group.Kind.ALL, all);
        return new CompiledRule(s, condition, analyzer);
    }

    /** The facts of an announcement, to evaluate every rule on it with one analysis of its text. */
    public Facts facts(ClassifiedAnnouncement announcement, SourceTags sourceTags) {
        return new Facts(announcement, sourceTags.of(announcement.sourceId()), analyzer);
    }
}
