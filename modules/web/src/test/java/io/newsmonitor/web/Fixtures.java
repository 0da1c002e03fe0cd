package io.newsmonitor.web;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.Alert;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Cooperation;
import io.newsmonitor.model.MatchReason;
import io.newsmonitor.model.ThemeScore;
import java.time.Instant;
import java.util.List;

/** Records of the topic contract as the tests need them. */
final class Fixtures {

    private Fixtures() {
    }

    /** An announcement of AI cooperation between France and Tunisia on research. */
    static ClassifiedAnnouncement announcement(String id, String title, Instant published) {
        return new ClassifiedAnnouncement(id, "src-" + id, "https://example.org/" + id, title, "fr", published,
                published, published, "La France et la Tunisie signent un partenariat en intelligence artificielle.",
                List.of(new ActorMention("FR", ActorType.COUNTRY, "France", 2),
                        new ActorMention("TN", ActorType.COUNTRY, "Tunisia", 1)),
                List.of("FR", "TN"), List.of(new ThemeScore("research", 3.0)), true,
                new Cooperation(List.of("FR", "TN"), List.of(List.of("FR", "TN")), List.of("partenariat")), id,
                List.of(), "v1");
    }

    /** The alert of subscription {@code subscription} on that announcement. */
    static Alert alert(String subscription, ClassifiedAnnouncement a, Instant alertedAt) {
        return new Alert(null, Alert.MATCH, subscription, a.id(), a.storyId(), a.title(), a.url(), a.sourceId(),
                a.language(), a.publishedAt(), alertedAt, List.of("FR", "TN"), List.of("research"), true,
                List.of("FR", "TN"), List.of(new MatchReason("pair: FR + TN", List.of("France", "Tunisie")),
                new MatchReason("theme: research", List.of("recherche"))));
    }
}
