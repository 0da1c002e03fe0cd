package io.newsmonitor.web;

import io.newsmonitor.model.Subscription;
import java.util.List;

/**
 * Checks a subscription before it is written to the subscriptions topic, beyond what the contract's record checks
 * itself: the rule tree's meaning (known actors, themes, operators). The rules module provides it; the server refuses
 * a subscription with any problem.
 */
@FunctionalInterface
public interface SubscriptionValidator {

    /**
     * The contract's own checks only (ids, blank conditions, the webhook's address, the backfill), which every
     * subscription passes before a validator sees it: for a process wired without the rules module.
     */
    SubscriptionValidator CONTRACT_ONLY = subscription -> List.of();

    /**
     * The problems of a subscription, each naming the field and why ({@code rule.all[1].theme: unknown theme 'xyz'}),
     * empty when it can be saved.
     */
    List<String> problems(Subscription subscription);
}
