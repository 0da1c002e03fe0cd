package io.newsmonitor.sink.config;

import io.newsmonitor.config.ConfigException;
import io.newsmonitor.config.ConfigNode;
import io.newsmonitor.model.InvalidFieldException;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.Webhook;
import io.newsmonitor.rules.RuleException;
import io.newsmonitor.rules.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code subscriptions.yaml}, which seeds the compacted subscriptions topic, and single subscriptions written
 * in the same form (YAML or JSON, for the command line). Each subscription's rule is compiled, so that a bad one
 * fails at start-up; errors name file and path ({@code subscriptions[2].rule.any[0].theme}).
 */
public final class SubscriptionCatalog {

    private static final Set<String> TOP = Set.of("version", "subscriptions");
    private static final Set<String> ENTRY = Set.of("id", "name", "actors", "anyActors", "themes", "aiCooperation",
            "languages", "rule", "webhook", "backfill", "trendAlerts");
    private static final Set<String> WEBHOOK = Set.of("url", "secret", "allowPrivateNetwork");

    private SubscriptionCatalog() {
    }

    /** The subscriptions of a file, each checked by {@code rules}. */
    public static List<Subscription> load(Path file, Rules rules) {
        ConfigNode root = ConfigNode.load(file).allowOnly(TOP);
        List<Subscription> subscriptions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode entry : root.list("subscriptions")) {
            Subscription s = subscription(entry, rules);
            if (!ids.add(s.id())) {
                throw new ConfigException(entry.file(), entry.path() + ".id", "duplicate id '" + s.id() + "'");
            }
            subscriptions.add(s);
        }
        return subscriptions;
    }

    /**
     * One subscription written as a mapping, its rule checked by {@code rules}.
     *
     * @throws ConfigException naming the file and the path of the field at fault
     */
    public static Subscription subscription(ConfigNode entry, Rules rules) {
        entry.allowOnly(ENTRY);
        String id = entry.requiredString("id");
        Subscription s;
        try {
            s = new Subscription(id, entry.string("name", id), entry.strings("actors"), entry.strings("anyActors"),
                    entry.strings("themes"), entry.bool("aiCooperation", false), entry.strings("languages"),
                    rule(entry), webhook(entry), entry.duration("backfill", null), entry.bool("trendAlerts", false));
        } catch (InvalidFieldException e) {
            throw new ConfigException(entry.file(), field(entry, e.field()), e.problem(), e);
        }
        try {
            rules.compile(s);
        } catch (RuleException e) {
            throw new ConfigException(entry.file(), field(entry, e.field()), e.problem(), e);
        }
        return s;
    }

    private static Map<String, Object> rule(ConfigNode entry) {
        Object rule = entry.plain("rule");
        if (rule != null && !(rule instanceof Map)) {
            throw new ConfigException(entry.file(), field(entry, "rule"), "must be a mapping such as {any: [...]}");
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        if (rule != null) {
            ((Map<?, ?>) rule).forEach((k, v) -> tree.put(String.valueOf(k), v));
        }
        return tree;
    }

    private static Webhook webhook(ConfigNode entry) {
        ConfigNode webhook = entry.child("webhook");
        if (webhook == null) {
            return null;
        }
        webhook.allowOnly(WEBHOOK);
        return new Webhook(webhook.requiredString("url"), webhook.string("secret", null),
                webhook.bool("allowPrivateNetwork", false));
    }

    private static String field(ConfigNode entry, String field) {
        return entry.path().isEmpty() ? field : entry.path() + "." + field;
    }
}
