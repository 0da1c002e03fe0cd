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
     * The problems of a subscription, each naming the field and why ({@code rule.all[1].theme: unknown theme 'xyz'}),
     * empty when it can be saved.
     */
    List<String> problems(Subscription subscription);
}
