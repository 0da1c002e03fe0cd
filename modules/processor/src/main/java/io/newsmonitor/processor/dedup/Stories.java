package io.newsmonitor.processor.dedup;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.ThemeScore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
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
    /** Anchors two same-language write-ups of one story share at least (with words as similar as the setting)... */
    private static final int SAME_LANGUAGE_ANCHORS = 2;
    /** ...or one anchor with at least this word similarity (Jaccard of content words): most of a story's words. */
    private static final double ONE_ANCHOR_SIMILARITY = 0.2;
    /** Anchors two write-ups of one story in different languages share at least... */
    private static final int CROSS_LANGUAGE_ANCHORS = 2;
    /** ...and the least share of the smaller anchor set they make. */
    private static final double CROSS_LANGUAGE_ANCHOR_SHARE = 0.2;
    private static final char KEY_SEPARATOR = '\u0001';
    private static final int TIME_DIGITS = 19;
    private static final String STORE = DedupProcessor.STORIES;

    private final DedupSettings settings;
    private final KeyValueStore<String, Remembered> signatures;
    private final KeyValueStore<String, byte[]> index;
    /**
     * The index of the pairs asked for so far, in memory, by key: loaded from the store on a pair's first use, then
     * kept in step with it. Derived data only: the processor builds a new one whenever Kafka Streams (re)initialises
     * it, after restoring the store, so it never holds what an aborted transaction wrote.
     */
    private final Map<String, Bucket> pairs = new HashMap<>();

    Stories(DedupSettings settings, KeyValueStore<String, Remembered> signatures,
            KeyValueStore<String, byte[]> index) {
        this.settings = settings;
        this.signatures = signatures;
        this.index = index;
    }

    /** The story {@code c} joins: the earliest matching write-up's, else its own. */
    String storyOf(Candidate c) {
        Fingerprint f = c.fingerprint();
        ClassifiedAnnouncement a = c.announcement();
        List<String> themes = a.themes().stream().map(ThemeScore::id).toList();
        StoryFacts earliest = null;
        for (StoryFacts r : storyCandidates(f)) {
            if (sameEvent(f, a.language(), themes, r)
                    && (earliest == null || r.eventTime() < earliest.eventTime())) {
                earliest = r;
            }
        }
        return earliest == null ? a.id() : earliest.storyId();
    }

    /**
     * Whether {@code c} reports the same event as the remembered {@code r} by the story rules (same parties, themes
     * and content, within the story window): the deduplicator takes an edited copy for a copy only then.
     */
    boolean sameEvent(Candidate c, Remembered r) {
        Fingerprint f = c.fingerprint();
        return Math.abs(f.eventTime() - r.eventTime()) <= settings.storyWindow().toMillis()
                && sameEvent(f, c.announcement().language(),
                c.announcement().themes().stream().map(ThemeScore::id).toList(), StoryFacts.of(r));
    }

    private boolean sameEvent(Fingerprint f, String language, List<String> themes, StoryFacts r) {
        return sameParties(f.salient(), r.salient())
                && overlap(themes, r.themes()) >= settings.storyThemeOverlap()
                && sameContent(f, language, r);
    }

    /**
     * Every write-up within the story window that shares a pair of salient actors with this one: all of them, however
     * busy the actors (FR, US, EU), read by range from the index by pair and publication time.
     */
    private Collection<StoryFacts> storyCandidates(Fingerprint f) {
        long window = settings.storyWindow().toMillis();
        long from = f.eventTime() - window;
        Map<String, StoryFacts> found = new LinkedHashMap<>();
        for (String pair : pairs(f.salient())) {
            String low = storyKey(pair, from, "");
            String high = storyKey(pair, f.eventTime() + window, "\uffff");
            Bucket bucket = pairs.computeIfAbsent(pair, this::load);
            if (from >= bucket.complete) {
                bucket.facts.subMap(low, true, high, true).values().forEach(r -> found.putIfAbsent(r.id(), r));
            } else {
                read(low, high).forEach(r -> found.putIfAbsent(r.id(), r));
            }
        }
        return found.values();
    }

    /** A pair's entries, all of them, from the store. */
    private Bucket load(String pair) {
        Bucket bucket = new Bucket();
        for (StoryFacts r : read(storyKey(pair, 0, ""), storyKey(pair, Long.MAX_VALUE, "\uffff"))) {
            bucket.facts.put(storyKey(pair, r.eventTime(), r.id()), r);
        }
        return bucket;
    }

    private List<StoryFacts> read(String low, String high) {
        List<StoryFacts> facts = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> found = index.range(low, high)) {
            while (found.hasNext()) {
                KeyValue<String, byte[]> entry = found.next();
                StoryFacts r = DedupSerdes.readStoryFacts(STORE, entry.value);
                if (r == null) {
                    // An entry of an earlier version: the bare id, whose facts are in its signature.
                    Remembered remembered = signatures.get(new String(entry.value, StandardCharsets.UTF_8));
                    r = remembered == null ? null : StoryFacts.of(remembered);
                }
                if (r != null) {
                    facts.add(r);
                }
            }
        }
        return facts;
    }

    private static boolean sameParties(List<String> salient, List<String> other) {
        int common = common(salient, other);
        int union = salient.size() + other.size() - common;
        return common >= STORY_COMMON_ACTORS && common >= STORY_PARTIES_OVERLAP * union;
    }

    private boolean sameContent(Fingerprint f, String language, StoryFacts r) {
        boolean sameLanguage = r.language().equals(language);
        if (specificParties(f.salient(), r.salient())) {
            return !sameLanguage || MinHash.jaccard(f.words(), r.words()) >= settings.storySimilarity();
        }
        int shared = common(f.anchors(), r.anchors());
        if (sameLanguage) {
            double similarity = MinHash.jaccard(f.words(), r.words());
            return shared >= SAME_LANGUAGE_ANCHORS && similarity >= settings.storySimilarity()
                    || shared >= 1 && similarity >= Math.max(ONE_ANCHOR_SIMILARITY, settings.storySimilarity());
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
        String time = Long.toString(Math.max(0, eventTime));
        return pair + KEY_SEPARATOR + "0".repeat(TIME_DIGITS - time.length()) + time + KEY_SEPARATOR + id;
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
    void index(Remembered r) {
        StoryFacts facts = StoryFacts.of(r);
        byte[] value = DedupSerdes.write(facts);
        for (String pair : pairs(r.salient())) {
            String key = storyKey(pair, r.eventTime(), r.id());
            index.put(key, value);
            Bucket bucket = pairs.get(pair);
            if (bucket != null) {
                bucket.facts.put(key, facts);
            }
        }
    }

    /** Removes a forgotten write-up from the index. */
    void forget(Remembered r) {
        for (String pair : pairs(r.salient())) {
            String key = storyKey(pair, r.eventTime(), r.id());
            index.delete(key);
            Bucket bucket = pairs.get(pair);
            if (bucket != null) {
                bucket.facts.remove(key);
            }
        }
    }

    /**
     * Lets go, in memory, of what no write-up of the stream's present needs: entries published more than twice the
     * story window before {@code streamTime}. They stay in the store, where a late write-up's candidates are read.
     */
    void trim(long streamTime) {
        long horizon = streamTime - 2 * settings.storyWindow().toMillis();
        for (Iterator<Map.Entry<String, Bucket>> it = pairs.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Bucket> entry = it.next();
            Bucket bucket = entry.getValue();
            if (horizon > bucket.complete) {
                bucket.facts.headMap(storyKey(entry.getKey(), horizon, ""), false).clear();
                bucket.complete = horizon;
            }
            if (bucket.facts.isEmpty()) {
                it.remove();
            }
        }
    }

    /** A pair's index entries in memory: all those published from {@code complete} on. */
    private static final class Bucket {
        final NavigableMap<String, StoryFacts> facts = new TreeMap<>();
        long complete = Long.MIN_VALUE;
    }
}
