package io.newsmonitor.web;

import io.newsmonitor.model.ClassifiedAnnouncement;
import java.util.List;

/** Classified announcements as pages are sent them: the text shortened to a teaser, the evidence left out. */
final class Announcements {

    /** Characters of text a page is sent. */
    static final int TEASER = 300;

    private Announcements() {
    }

    /** The announcement with its text cut to {@link #TEASER} characters (at a word) and no evidence list. */
    static ClassifiedAnnouncement brief(ClassifiedAnnouncement a) {
        return new ClassifiedAnnouncement(a.id(), a.sourceId(), a.url(), a.title(), a.language(), a.publishedAt(),
                a.fetchedAt(), a.classifiedAt(), teaser(a.text()), a.actors(), a.countries(), a.themes(),
                a.aiCooperation(), a.cooperation(), a.storyId(), List.of(), a.taxonomyVersion());
    }

    private static String teaser(String text) {
        if (text == null || text.length() <= TEASER) {
            return text;
        }
        int cut = text.lastIndexOf(' ', TEASER);
        return text.substring(0, cut > TEASER / 2 ? cut : TEASER) + "…";
    }
}
