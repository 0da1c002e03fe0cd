package io.newsmonitor.app.wiring;

import io.newsmonitor.config.KafkaConfig;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.rules.RuleException;
import io.newsmonitor.rules.Rules;
import io.newsmonitor.rules.SourceTags;
import io.newsmonitor.rules.preview.Preview;
import io.newsmonitor.rules.preview.PreviewResult;
import io.newsmonitor.web.SubscriptionPreview;
import io.newsmonitor.web.SubscriptionValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * The rules module behind the web API's subscription checks and previews: a subscription saved through the API is
 * refused for exactly what {@code config/subscriptions.yaml} and the command line refuse, and its preview matches
 * what the sink would alert on.
 */
final class SubscriptionRules implements SubscriptionValidator, SubscriptionPreview {

    private final Rules rules;
    private final KafkaConfig kafka;

    SubscriptionRules(Rules rules, KafkaConfig kafka) {
        this.rules = rules;
        this.kafka = kafka;
    }

    @Override
    public List<String> problems(Subscription subscription) {
        try {
            rules.compile(subscription);
            return List.of();
        } catch (RuleException e) {
            return List.of(e.getMessage());
        }
    }

    /** Reads the sources' tags at each preview, so that a {@code sourceTag} condition sees the current ones. */
    @Override
    public Result preview(Subscription subscription, Duration period, int limit) {
        Properties props = new Properties();
        props.putAll(kafka.commonProperties());
        PreviewResult result = Preview.run(props, kafka.topics().classified(),
                SourceTags.readFrom(kafka.commonProperties(), kafka.topics().feeds()), rules.compile(subscription), period, limit,
                Clock.systemUTC());
        return new Result(result.matches().stream().map(m -> new Match(m.announcement(), m.reasons())).toList(),
                result.scanned());
    }
}
