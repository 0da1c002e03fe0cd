package io.newsmonitor.sink.config;

import io.newsmonitor.config.ConfigException;
import io.newsmonitor.config.ConfigNode;
import io.newsmonitor.model.InvalidFieldException;
import io.newsmonitor.model.Subscription;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code subscriptions.yaml}, which seeds the compacted subscriptions topic. Errors name file and path.
 */
public final class SubscriptionCatalog {

    private static final Set<String> TOP = Set.of("version", "subscriptions");
    private static final Set<String> ENTRY = Set.of("id", "name", "actors", "anyActors", "themes", "aiCooperation",
            "languages");

    private SubscriptionCatalog() {
    }

    /** The subscriptions of a file. */
    public static List<Subscription> load(Path file) {
        ConfigNode root = ConfigNode.load(file).allowOnly(TOP);
        List<Subscription> subscriptions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode entry : root.list("subscriptions")) {
            entry.allowOnly(ENTRY);
            String id = entry.requiredString("id");
            if (!ids.add(id)) {
                throw new ConfigException(entry.file(), entry.path() + ".id", "duplicate id '" + id + "'");
            }
            try {
                subscriptions.add(new Subscription(id, entry.string("name", id), entry.strings("actors"),
                        entry.strings("anyActors"), entry.strings("themes"), entry.bool("aiCooperation", false),
                        entry.strings("languages")));
            } catch (InvalidFieldException e) {
                throw new ConfigException(entry.file(), entry.path() + "." + e.field(), e.problem(), e);
            }
        }
        return subscriptions;
    }
}
