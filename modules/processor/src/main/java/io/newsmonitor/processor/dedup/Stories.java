package io.newsmonitor.processor.dedup;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.ThemeScore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which story a first-seen write-up joins, and the index of story candidates: every remembered write-up under each
 * pair of its salient actors and its publication time, so that candidates are read by range, all of them, however
 * busy the actors (FR, US, EU).
 *
 * <p>A write-up joins the story of an earlier one only on strong evidence, since a false merge costs a subscriber
 * the alert of a distinct event while a missed one costs an extra alert: published within the story window of it and
 * within the story span of the story's first write-up (so that a chain of write-ups, each near the one before, does
 * not stretch a story without end: on generated news such chains grew one story to a thousand write-ups), the same
 * parties (at least two salient actors in common, and at least a third of the two sets), overlapping themes,
 * and the same content: specific shared parties (two organisations, or three parties one of which is an
 * organisation), else in one language similar content words and shared {@link Anchors anchors} (names and figures
 * beyond the parties), across languages, where words cannot be compared, shared anchors making a share of the
 * smaller set.
 */
final class Stories {

    /** Salient actors two write-ups of one story share at least. */
    private static final int STORY_COMMON_ACTORS = 2;
    /**
     * Least Jaccard overlap of the salient actors of two write-ups of one story: a third, since one write-up names
     * more of the parties than another (on dev and the team corpus, half kept 2 same-event pairs apart and a third
     * joins no distinct events).
     */
    private static final double STORY_PARTIES_OVERLAP = 0.34;
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
    private final Map<String, PairIndex> pairs = new HashMap<>();

    Stories(DedupSettings settings, KeyValueStore<String, Remembered> signatures,
            KeyValueStore<String, byte[]> index) {
        this.settings = settings;
        this.signatures = signatures;
        this.index = index;
    }

    /**
     * A story: the id of its first write-up and that write-up's publication time, epoch milliseconds.
     */
    record Story(String id, long start) {
    }

    /** The story {@code c} joins: the earliest matching write-up's, else its own. */
    Story storyOf(Candidate c) {
        Fingerprint f = c.fingerprint();
        ClassifiedAnnouncement a = c.announcement();
        List<String> themes = a.themes().stream().map(ThemeScore::id).toList();
        for (StoryFacts r : storyCandidates(f)) {
            if (withinStory(f, r) && joins(f, a.language(), themes, r)) {
                return new Story(r.storyId(), r.storyStart());
            }
        }
        return new Story(a.id(), f.eventTime());
    }

    /** Whether a write-up is published within the span of {@code r}'s story from its first write-up. */
    boolean withinStory(Fingerprint f, StoryFacts r) {
        return Math.abs(f.eventTime() - r.storyStart()) <= settings.storySpan().toMillis();
    }

    /**
     * Whether {@code c} reports the same event as the remembered {@code r} by the story rules (same parties, themes
     * and content, within the story window): the deduplicator takes an edited copy for a copy only then.
     */
    boolean sameEvent(Candidate c, Remembered r) {
        Fingerprint f = c.fingerprint();
        return Math.abs(f.eventTime() - r.eventTime()) <= settings.storyWindow().toMillis()
                && joins(f, c.announcement().language(),
                c.announcement().themes().stream().map(ThemeScore::id).toList(), StoryFacts.of(r));
    }

    /**
     * Whether a write-up joins the story of an earlier one {@code r}: the same parties, overlapping themes and the
     * same content.
     *
     * <p>The candidates are read from an index ({@link PairIndex}) that holds only those sharing with the write-up a
     * pair of salient actors and, besides, an organisation among them or an anchor: a rule that joins on less
     * must widen that index too ({@code StoriesIndexTest} compares the two on generated write-ups).
     */
    boolean joins(Fingerprint f, String language, List<String> themes, StoryFacts r) {
        return sameParties(f.salient(), r.salient())
                && overlap(themes, r.themes()) >= settings.storyThemeOverlap()
                && sameContent(f, language, r);
    }

    /**
     * The write-ups within the story window that share a pair of salient actors with this one and could join it, the
     * earliest first (publication time, then the order of the pairs, then id: of the write-ups a scan of each pair by
     * time would meet, the one it would choose comes first), read as they are asked for from each pair's index,
     * however busy the actors (FR, US, EU).
     */
    Iterable<StoryFacts> storyCandidates(Fingerprint f) {
        long window = settings.storyWindow().toMillis();
        long from = f.eventTime() - window;
        List<String> organisations = f.salient().stream().filter(Stories::organisation).toList();
        List<StoryCursor> cursors = new ArrayList<>();
        int order = 0;
        for (String pair : pairs(f.salient())) {
            StoryCursor.Range range = new StoryCursor.Range(storyKey(pair, from, ""),
                    storyKey(pair, f.eventTime() + window, "\uffff"), from, f.eventTime() + window);
            PairIndex bucket = pairs.computeIfAbsent(pair, this::load);
            if (from >= bucket.complete()) {
                bucket.cursors(organisations, f.anchors(), range, order, cursors);
            } else {
                cursors.add(StoryCursor.of(read(range.low(), range.high()).stream()
                        .map(r -> new PairIndex.Entry(storyKey(pair, r.eventTime(), r.id()), r)).toList(),
                        range, order));
            }
            order++;
        }
        return StoryCursor.earliestFirst(cursors);
    }

    /** A pair's entries, all of them, from the store. */
    private PairIndex load(String pair) {
        PairIndex bucket = new PairIndex(Stories::organisation);
        for (StoryFacts r : read(storyKey(pair, 0, ""), storyKey(pair, Long.MAX_VALUE, "\uffff"))) {
            bucket.put(storyKey(pair, r.eventTime(), r.id()), r);
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
        long organisations = shared.stream().filter(Stories::organisation).count();
        return organisations >= 2 || organisations >= 1 && shared.size() >= 3;
    }

    /** Whether an actor id is an organisation's: ids of countries and groups are upper case. */
    static boolean organisation(String id) {
        return !id.equals(id.toUpperCase(Locale.ROOT));
    }

    /** The pairs of salient actors, each as {@code a+b} with {@code a < b} (the list is sorted). */
    static List<String> pairs(List<String> salient) {
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
    static String storyKey(String pair, long eventTime, String id) {
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
            PairIndex bucket = pairs.get(pair);
            if (bucket != null) {
                bucket.put(key, facts);
            }
        }
    }

    /** Removes a forgotten write-up from the index. */
    void forget(Remembered r) {
        for (String pair : pairs(r.salient())) {
            String key = storyKey(pair, r.eventTime(), r.id());
            index.delete(key);
            PairIndex bucket = pairs.get(pair);
            if (bucket != null) {
                bucket.remove(key);
            }
        }
    }

    /**
     * Lets go, in memory, of what no write-up of the stream's present needs: entries published more than twice the
     * story window before {@code streamTime}. They stay in the store, where a late write-up's candidates are read.
     */
    void trim(long streamTime) {
        long horizon = streamTime - 2 * settings.storyWindow().toMillis();
        for (Iterator<Map.Entry<String, PairIndex>> it = pairs.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, PairIndex> entry = it.next();
            PairIndex bucket = entry.getValue();
            if (horizon > bucket.complete()) {
                bucket.trim(storyKey(entry.getKey(), horizon, ""), horizon);
            }
            if (bucket.isEmpty()) {
                it.remove();
            }
        }
    }
}
