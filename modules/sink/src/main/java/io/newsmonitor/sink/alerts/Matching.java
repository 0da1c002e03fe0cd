package io.newsmonitor.sink.alerts;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Evidence;
import io.newsmonitor.model.MatchReason;
import io.newsmonitor.model.Subscription;
import io.newsmonitor.model.ThemeScore;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The alert a matching announcement raises, and what of an announcement the matching needs. What a subscription's
 * conditions mean is the rules module's ({@code io.newsmonitor.rules}).
 */
public final class Matching {

    private Matching() {
    }

    /** The alert for an announcement matching a subscription for these reasons, raised at {@code now}. */
    public static Alert alert(Subscription s, ClassifiedAnnouncement a, List<MatchReason> reasons, Instant now) {
        return new Alert(null, Alert.MATCH, s.id(), a.id(), a.storyId(), a.title(), a.url(), a.sourceId(),
                a.language(), a.publishedAt(), now, a.actors().stream().map(ActorMention::id).toList(),
                a.themes().stream().map(ThemeScore::id).toList(), a.aiCooperation(), a.cooperation().parties(),
                reasons);
    }

    /**
     * The announcement as the alert step reads it, and as the recent stories are kept for backfills. The
     * text stays: keyword conditions match on it, and a new subscription's backfill may ask for any keyword. Of the
     * evidence only the first occurrence of each theme term stays, which is what reasons cite ({@code theme: ai}
     * because of "intelligence artificielle"); actor and cue evidence, and repeats, which can be most of a long
     * text's evidence, are left out. Offsets still point into the text.
     */
    public static ClassifiedAnnouncement forMatching(ClassifiedAnnouncement a) {
        Set<String> seen = new HashSet<>();
        List<Evidence> themeTerms = a.evidence().stream()
                .filter(e -> e.kind().equals("theme") && seen.add(e.id() + "\u0000" + e.term())).toList();
        return new ClassifiedAnnouncement(a.id(), a.sourceId(), a.url(), a.title(), a.language(), a.publishedAt(),
                a.fetchedAt(), a.classifiedAt(), a.text(), a.actors(), a.countries(), a.themes(), a.aiCooperation(),
                a.cooperation(), a.storyId(), themeTerms, a.taxonomyVersion());
    }
}
