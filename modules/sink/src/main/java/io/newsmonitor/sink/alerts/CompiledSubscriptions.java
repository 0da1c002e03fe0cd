package io.newsmonitor.sink.alerts;

import io.newsmonitor.model.Subscription;
import io.newsmonitor.rules.CompiledRule;
import io.newsmonitor.rules.RuleException;
import io.newsmonitor.rules.Rules;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled rules of the subscriptions a task has met, compiled once per subscription value (a changed
 * subscription is compiled again). A subscription whose rule does not compile (written by a client that skipped
 * validation, or naming an id the dictionaries no longer have) is logged once and skipped; the others still alert.
 * One per task: not thread-safe.
 */
final class CompiledSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledSubscriptions.class);

    /** A subscription value and its rule, or no rule when it does not compile. */
    private record Entry(Subscription subscription, CompiledRule rule) {
    }

    private final Rules rules;
    private final Map<String, Entry> entries = new HashMap<>();

    CompiledSubscriptions(Rules rules) {
        this.rules = rules;
    }

    /** The rule of this subscription value, or empty when it does not compile. */
    Optional<CompiledRule> of(Subscription s) {
        Entry entry = entries.get(s.id());
        if (entry == null || !entry.subscription().equals(s)) {
            entry = new Entry(s, compile(s));
            entries.put(s.id(), entry);
        }
        return Optional.ofNullable(entry.rule());
    }

    private CompiledRule compile(Subscription s) {
        try {
            return rules.compile(s);
        } catch (RuleException e) {
            LOG.warn("Subscription {} skipped: its rule does not compile: {}", s.id(), e.getMessage());
            return null;
        }
    }

    /** Forgets the subscriptions that no longer exist. */
    void retainOnly(Set<String> ids) {
        entries.keySet().retainAll(ids);
    }
}
