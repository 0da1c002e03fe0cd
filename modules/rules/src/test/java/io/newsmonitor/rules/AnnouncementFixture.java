package io.newsmonitor.rules;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Cooperation;
import io.newsmonitor.model.Evidence;
import io.newsmonitor.model.ThemeScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Classified announcements as a test describes them: what the classifier found, nothing else. */
final class AnnouncementFixture {

    private static final Instant PUBLISHED = Instant.parse("2026-03-02T09:00:00Z");

    private String id = "a1";
    private String sourceId = "elysee-fr";
    private String language = "fr";
    private String text = "";
    private final List<ActorMention> actors = new ArrayList<>();
    private final List<String> countries = new ArrayList<>();
    private final List<ThemeScore> themes = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private boolean aiCooperation;
    private Cooperation cooperation = Cooperation.NONE;

    static AnnouncementFixture announcement() {
        return new AnnouncementFixture();
    }

    AnnouncementFixture id(String value) {
        id = value;
        return this;
    }

    AnnouncementFixture source(String value) {
        sourceId = value;
        return this;
    }

    AnnouncementFixture language(String value) {
        language = value;
        return this;
    }

    AnnouncementFixture text(String value) {
        text = value;
        return this;
    }

    AnnouncementFixture country(String countryId) {
        actors.add(new ActorMention(countryId, ActorType.COUNTRY, countryId, 1));
        countries.add(countryId);
        return this;
    }

    AnnouncementFixture actor(String actorId, ActorType type) {
        actors.add(new ActorMention(actorId, type, actorId, 1));
        return this;
    }

    /** A theme with its score, found through these terms. */
    AnnouncementFixture theme(String themeId, double score, String... terms) {
        themes.add(new ThemeScore(themeId, score));
        for (String term : terms) {
            evidence.add(new Evidence("theme", themeId, term, 0, term.length()));
        }
        return this;
    }

    /** AI cooperation between the two countries, announced with this cue. */
    AnnouncementFixture cooperation(String a, String b, String cue) {
        aiCooperation = true;
        List<String> pair = a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
        cooperation = new Cooperation(pair, List.of(pair), List.of(cue));
        return this;
    }

    ClassifiedAnnouncement build() {
        return new ClassifiedAnnouncement(id, sourceId, "https://example.org/" + id, "Title " + id, language,
                PUBLISHED, PUBLISHED, PUBLISHED, text, actors, countries.stream().sorted().toList(), themes,
                aiCooperation, cooperation, id, evidence, "v1");
    }
}
