package io.newsmonitor.samples;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
 * @param origin      the real public page a held-out item rewrites ({@code null} in the team's corpus)
 */
public record SampleAnnouncement(String id, String source, String format, String language, String url,
                                 Instant publishedAt, String title, String summary, String content, Expect expect,
                                 Origin origin) {

    /**
     * Where a held-out item comes from (see {@code corpus/heldout/README.md}).
     *
     * @param publisher who published the real page
     * @param url       its address
     * @param date      its date
     */
    public record Origin(String publisher, String url, LocalDate date) {
    }

    /**
     * What a careful reader says of an announcement.
     *
     * @param countries     ISO ids of the countries it names as actors
     * @param groups        group ids (EU, regional groups)
     * @param organisations organisation ids
     * @param orgNames      each labelled organisation's name as the text writes it (held-out corpus; empty in the
     *                      team's corpus)
     * @param people        person ids
     * @param themes        its substantive themes
     * @param aiCooperation whether it announces AI cooperation
     * @param parties       the cooperating parties
     * @param duplicateOf   the fixture it copies, or {@code null}
     * @param story         its event's label; fixtures of one event share it
     */
    public record Expect(List<String> countries, List<String> groups, List<String> organisations,
                         Map<String, String> orgNames, List<String> people, List<String> themes,
                         boolean aiCooperation, List<String> parties, String duplicateOf, String story) {

        public Expect {
            countries = nonNull(countries);
            groups = nonNull(groups);
            organisations = nonNull(organisations);
            orgNames = orgNames == null ? Map.of() : Map.copyOf(orgNames);
            people = nonNull(people);
            themes = nonNull(themes);
            parties = nonNull(parties);
        }

        private static List<String> nonNull(List<String> list) {
            return list == null ? List.of() : List.copyOf(list);
        }
    }
}
