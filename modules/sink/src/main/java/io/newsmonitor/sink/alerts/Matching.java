package io.newsmonitor.sink.alerts;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.ThemeScore;
import java.time.Instant;
import java.util.List;

/**
 * The sink's rules on subscriptions: when one matches a classified announcement, the alert it raises, and what of
 * an announcement the matching needs. The contract only carries subscriptions and alerts; what they mean is decided
 * here.
 */
public final class Matching {

    private Matching() {
    }

    /** Whether every condition {@code s} gives holds for {@code a}; empty lists mean "any". */
    public static boolean matches(Subscription s, ClassifiedAnnouncement a) {
        return (!s.aiCooperation() || a.aiCooperation())
                && s.actors().stream().allMatch(a::hasActor)
                && (s.anyActors().isEmpty() || s.anyActors().stream().anyMatch(a::hasActor))
                && s.themes().stream().allMatch(a::hasTheme)
                && (s.languages().isEmpty() || a.language() != null && s.languages().contains(a.language()));
    }

    /** The alert for an announcement matching a subscription, raised at {@code now}. */
    public static Alert alert(Subscription s, ClassifiedAnnouncement a, Instant now) {
        return new Alert(null, Alert.MATCH, s.id(), a.id(), a.storyId(), a.title(), a.url(), a.sourceId(), a.language(),
                a.publishedAt(), now, a.actors().stream().map(ActorMention::id).toList(),
                a.themes().stream().map(ThemeScore::id).toList(), a.aiCooperation(), a.cooperation().parties(), List.of());
    }

    /**
     * The announcement without its text and evidence, which neither matching nor alerts read: what crosses the
     * stories repartition, a tenth of the size or less.
     */
    public static ClassifiedAnnouncement forMatching(ClassifiedAnnouncement a) {
        return new ClassifiedAnnouncement(a.id(), a.sourceId(), a.url(), a.title(), a.language(), a.publishedAt(),
                a.fetchedAt(), a.classifiedAt(), "", a.actors(), a.countries(), a.themes(), a.aiCooperation(),
                a.cooperation(), a.storyId(), List.of(), a.taxonomyVersion());
    }
}
