package io.newsmonitor.samples;

import java.time.Instant;
import java.util.List;

/**
 * One announcement of the team's labelled corpus, with what a careful reader says of it.
 *
 * @param id          fixture id ({@code fx-001})
 * @param source      the source that publishes it in the demo
 * @param format      how the demo serves it: {@code rss}, {@code atom} or {@code html}
 * @param language    its language
 * @param url         its address as published (syndicated copies carry tracking parameters)
 * @param publishedAt publication time
 * @param title       title
 * @param summary     summary
 * @param content     full text
 * @param expect      the labels
 */
public record SampleAnnouncement(String id, String source, String format, String language, String url,
                                 Instant publishedAt, String title, String summary, String content, Expect expect) {

    /**
     * What a careful reader says of an announcement.
     *
     * @param countries     ISO ids of the countries it names as actors
     * @param groups        group ids (EU, regional groups)
     * @param organisations organisation ids
     * @param people        person ids
     * @param themes        its substantive themes
     * @param aiCooperation whether it announces AI cooperation
     * @param parties       the cooperating parties
     * @param duplicateOf   the fixture it copies, or {@code null}
     * @param story         its event's label; fixtures of one event share it
     */
    public record Expect(List<String> countries, List<String> groups, List<String> organisations,
                         List<String> people, List<String> themes, boolean aiCooperation, List<String> parties,
                         String duplicateOf, String story) {

        public Expect {
            countries = nonNull(countries);
            groups = nonNull(groups);
            organisations = nonNull(organisations);
            people = nonNull(people);
            themes = nonNull(themes);
            parties = nonNull(parties);
        }

        private static List<String> nonNull(List<String> list) {
            return list == null ? List.of() : List.copyOf(list);
        }
    }
}
