package io.newsmonitor.processor.dedup;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.ThemeScore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which story a first-seen write-up joins, and the index of story candidates: every remembered write-up under each
 * pair of its salient actors and its publication time, so that candidates are read by range, all of them, however
 * busy the actors (FR, US, EU).
 *
 * <p>A write-up joins the story of an earlier one only on strong evidence, since a false merge costs a subscriber
 * the alert of a distinct event while a missed one costs an extra alert: published within the story window of it,
 * the same parties (at least two salient actors in common, and at least half of the two sets), overlapping themes,
 * and the same content: specific shared parties (two organisations, or three parties one of which is an
 * organisation), else in one language similar content words and shared {@link Anchors anchors} (names and figures
 * beyond the parties), across languages, where words cannot be compared, shared anchors making a share of the
 * smaller set.
 */
final class Stories {

    /** Salient actors two write-ups of one story share at least. */
    private static final int STORY_COMMON_ACTORS = 2;
    /** Least Jaccard overlap of the salient actors of two write-ups of one story. */
    private static final double STORY_PARTIES_OVERLAP = 0.5;
    /** Anchors two same-language write-ups of one story share at least. */
    private static final int SAME_LANGUAGE_ANCHORS = 2;
    /** Anchors two write-ups of one story in different languages share at least... */
    private static final int CROSS_LANGUAGE_ANCHORS = 2;
    /** ...and the least share of the smaller anchor set they make. */
    private static final double CROSS_LANGUAGE_ANCHOR_SHARE = 0.2;
    private static final char KEY_SEPARATOR = '\u0001';

    private final DedupSettings settings;
    private final KeyValueStore<String, Remembered> signatures;
    private final KeyValueStore<String, String> index;

    Stories(DedupSettings settings, KeyValueStore<String, Remembered> signatures,
            KeyValueStore<String, String> index) {
        this.settings = settings;
        this.signatures = signatures;
        this.index = index;
    }

    /** The story {@code c} joins: the earliest matching write-up's, else its own. */
    String storyOf(Candidate c) {
        Fingerprint f = c.fingerprint();
        ClassifiedAnnouncement a = c.announcement();
        List<String> themes = a.themes().stream().map(ThemeScore::id).toList();
        Remembered earliest = null;
        for (String id : storyCandidates(f)) {
            Remembered r = signatures.get(id);
            if (r == null || !sameParties(f.salient(), r.salient())
                    || overlap(themes, r.themes()) < settings.storyThemeOverlap()
                    || !sameContent(f, a.language(), r)) {
                continue;
            }
            if (earliest == null || r.eventTime() < earliest.eventTime()) {
                earliest = r;
            }
        }
        return earliest == null ? a.id() : earliest.storyId();
    }

    /**
     * Every write-up within the story window that shares a pair of salient actors with this one: all of them, however
     * busy the actors (FR, US, EU), read by range from the index by pair and publication time.
     */
    private Set<String> storyCandidates(Fingerprint f) {
        long window = settings.storyWindow().toMillis();
        Set<String> ids = new LinkedHashSet<>();
        for (String pair : pairs(f.salient())) {
            try (KeyValueIterator<String, String> found = index.range(storyKey(pair, f.eventTime() - window, ""),
                    storyKey(pair, f.eventTime() + window, "\uffff"))) {
                found.forEachRemaining(entry -> ids.add(entry.value));
            }
        }
        return ids;
    }

    private static boolean sameParties(List<String> salient, List<String> other) {
        int common = common(salient, other);
        int union = salient.size() + other.size() - common;
        return common >= STORY_COMMON_ACTORS && common >= STORY_PARTIES_OVERLAP * union;
    }

    private boolean sameContent(Fingerprint f, String language, Remembered r) {
        boolean sameLanguage = r.language().equals(language);
        if (specificParties(f.salient(), r.salient())) {
            return !sameLanguage || MinHash.jaccard(f.words(), r.words()) >= settings.storySimilarity();
        }
        int shared = common(f.anchors(), r.anchors());
        if (sameLanguage) {
            return shared >= SAME_LANGUAGE_ANCHORS
                    && MinHash.jaccard(f.words(), r.words()) >= settings.storySimilarity();
        }
        int smaller = Math.min(f.anchors().size(), r.anchors().size());
        return shared >= CROSS_LANGUAGE_ANCHORS && shared >= CROSS_LANGUAGE_ANCHOR_SHARE * smaller;
    }

    /**
     * Whether the parties in common are specific enough to name one event by themselves: two organisations, or three
     * parties of which one is an organisation (ids of countries and groups are upper case). Two countries are not:
     * France and India announce several things in a week.
     */
    private static boolean specificParties(List<String> salient, List<String> other) {
        Set<String> shared = new HashSet<>(salient);
        shared.retainAll(other);
        long organisations = shared.stream().filter(id -> !id.equals(id.toUpperCase(Locale.ROOT))).count();
        return organisations >= 2 || organisations >= 1 && shared.size() >= 3;
    }

    /** The pairs of salient actors, each as {@code a+b} with {@code a < b} (the list is sorted). */
    private static List<String> pairs(List<String> salient) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < salient.size(); i++) {
            for (int j = i + 1; j < salient.size(); j++) {
                pairs.add(salient.get(i) + "+" + salient.get(j));
            }
        }
        return pairs;
    }

    /**
     * The index key of a write-up under one pair: pair, publication time (zero-padded, so that keys sort by it) and
     * id, so that a range read finds a pair's write-ups of a time span.
     */
    private static String storyKey(String pair, long eventTime, String id) {
        return pair + KEY_SEPARATOR + String.format("%019d", Math.max(0, eventTime)) + KEY_SEPARATOR + id;
    }


    private static int common(List<String> a, List<String> b) {
        Set<String> other = new HashSet<>(b);
        return (int) a.stream().filter(other::contains).count();
    }


    private static double overlap(List<String> a, List<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 1.0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / union.size();
    }

    /** Indexes a first-seen write-up under each pair of its salient actors. */
    void index(String id, List<String> salient, long eventTime) {
        for (String pair : pairs(salient)) {
            index.put(storyKey(pair, eventTime, id), id);
        }
    }

    /** Removes a forgotten write-up from the index. */
    void forget(Remembered r) {
        for (String pair : pairs(r.salient())) {
            index.delete(storyKey(pair, r.eventTime(), r.id()));
        }
    }
}
