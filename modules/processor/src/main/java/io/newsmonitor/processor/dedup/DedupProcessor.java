package io.newsmonitor.processor.dedup;

import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Duplicate;
import io.newsmonitor.model.ThemeScore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Recognises copies and groups write-ups into stories, first seen wins. It runs on a single partition so that every
 * announcement is compared with every other one in the window, whatever partition it arrived on.
 *
 * <ol>
 *   <li>Exact copy: an earlier announcement had the same canonical URL, GUID or normalised body.</li>
 *   <li>Near copy: an earlier announcement shares an LSH band of the body's MinHash signature (a candidate), shares
 *       an actor and a theme, and the share of the shorter body's shingles found in the other, measured exactly on
 *       their hashes, reaches the threshold.</li>
 *   <li>Otherwise first seen. It joins the story of an earlier write-up only on strong evidence, since a false
 *       merge costs a subscriber the alert of a distinct event while a missed one costs an extra alert: published
 *       within the story window of it, the same parties (at least two salient actors in common, and at least half
 *       of the two sets), overlapping themes, and the same content: in one language, similar content words and
 *       shared {@link Anchors anchors} (names and figures beyond the parties); across languages, where words cannot
 *       be compared, more shared anchors.</li>
 * </ol>
 * An announcement published more than {@code exactMemory} before the newest one seen is outdated: whether it was
 * seen cannot be told any more, so it goes to the duplicates topic as {@link Duplicate.Match#OUTDATED} rather than
 * being published (and alerted) as new.
 *
 * <p>State (RocksDB, with changelogs) ages by event time, the publication time the input topic's timestamps carry,
 * never by the wall clock: signatures and story candidates are forgotten {@code window} after, exact keys
 * {@code exactMemory} after. So an old URL seen again after a pause, or in a replay of a year of history, is still
 * recognised, and a quiet night does not empty the memory.
 */
public final class DedupProcessor implements Processor<String, Candidate, String, DedupOutcome> {

    public static final String SIGNATURES = "dedup-signatures";
    public static final String EXACT = "dedup-exact";
    public static final String BANDS = "dedup-bands";
    /** Story candidates by pair of salient actors and publication time: {@link #storyKey}. */
    public static final String STORIES = "dedup-story-pairs";

    static final int BANDS_COUNT = 32;
    private static final int MAX_IDS_PER_KEY = 64;
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
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final DedupSettings settings;
    private final MinHash minHash;
    private ProcessorContext<String, DedupOutcome> context;
    private KeyValueStore<String, Remembered> signatures;
    private KeyValueStore<String, String> exact;
    private KeyValueStore<String, String> bands;
    private KeyValueStore<String, String> stories;

    /** @param minHash the hashing the fingerprints' signatures were made with (to find band keys again at expiry) */
    public DedupProcessor(DedupSettings settings, MinHash minHash) {
        this.settings = settings;
        this.minHash = minHash;
    }

    @Override
    public void init(ProcessorContext<String, DedupOutcome> context) {
        this.context = context;
        signatures = context.getStateStore(SIGNATURES);
        exact = context.getStateStore(EXACT);
        bands = context.getStateStore(BANDS);
        stories = context.getStateStore(STORIES);
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::purge);
    }

    /**
     * Decides, and forwards the outcome stamped with the time it was decided: the output topics' retention counts from
     * then, not from a publication date that may be long past.
     */
    @Override
    public void process(Record<String, Candidate> record) {
        Candidate c = record.value();
        ClassifiedAnnouncement a = c.announcement();
        Record<String, Candidate> stamped = record.withTimestamp(context.currentSystemTimeMs());
        if (c.fingerprint().eventTime() < context.currentStreamTimeMs() - settings.exactMemory().toMillis()) {
            context.forward(stamped.withKey(a.id()).withValue(new DedupOutcome(null,
                    new Duplicate(null, Duplicate.Match.OUTDATED, 0, a))));
            return;
        }
        Duplicate duplicate = exactCopy(c);
        if (duplicate == null) {
            duplicate = nearCopy(c);
        }
        if (duplicate != null) {
            context.forward(stamped.withKey(a.id()).withValue(new DedupOutcome(null, duplicate)));
            return;
        }
        ClassifiedAnnouncement firstSeen = a.withStoryId(story(c));
        remember(c, firstSeen.storyId());
        context.forward(stamped.withKey(a.id()).withValue(new DedupOutcome(firstSeen, null)));
    }

    private Duplicate exactCopy(Candidate c) {
        for (String key : c.fingerprint().exactKeys()) {
            ExactEntry original = ExactEntry.parse(exact.get(key));
            if (original != null) {
                Duplicate.Match match = key.startsWith("url:") ? Duplicate.Match.URL
                        : key.startsWith("guid:") ? Duplicate.Match.GUID : Duplicate.Match.TEXT;
                return new Duplicate(original.id(), match, 1.0, c.announcement().withStoryId(original.storyId()));
            }
        }
        return null;
    }

    private Duplicate nearCopy(Candidate c) {
        Fingerprint f = c.fingerprint();
        Set<String> actors = ids(c.announcement().actors().stream().map(ActorMention::id).toList());
        Set<String> themes = ids(c.announcement().themes().stream().map(ThemeScore::id).toList());
        Remembered best = null;
        double bestSimilarity = 0;
        for (String id : candidates(bands, MinHash.bandKeys(f.signature(), BANDS_COUNT))) {
            Remembered r = signatures.get(id);
            if (r == null || Math.abs(r.eventTime() - f.eventTime()) > settings.window().toMillis()
                    || !intersects(actors, r.actors()) || !intersects(themes, r.themes())) {
                continue;
            }
            double similarity = MinHash.containment(f.shingles(), r.shingles());
            if (similarity >= settings.threshold() && similarity > bestSimilarity) {
                best = r;
                bestSimilarity = similarity;
            }
        }
        return best == null ? null : new Duplicate(best.id(), Duplicate.Match.NEAR,
                Math.round(bestSimilarity * 1000) / 1000.0, c.announcement().withStoryId(best.storyId()));
    }

    private static Set<String> candidates(KeyValueStore<String, String> index, String[] keys) {
        return candidates(index, Arrays.asList(keys));
    }

    private static Set<String> candidates(KeyValueStore<String, String> index, Iterable<String> keys) {
        Set<String> ids = new LinkedHashSet<>();
        for (String key : keys) {
            String list = index.get(key);
            if (list != null) {
                ids.addAll(Arrays.asList(list.split(",")));
            }
        }
        return ids;
    }

    private String story(Candidate c) {
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
            try (KeyValueIterator<String, String> found = stories.range(storyKey(pair, f.eventTime() - window, ""),
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

    private void remember(Candidate c, String storyId) {
        ClassifiedAnnouncement a = c.announcement();
        Fingerprint f = c.fingerprint();
        signatures.put(a.id(), new Remembered(a.id(), storyId, f.eventTime(), f.shingles(), f.words(),
                a.actors().stream().map(ActorMention::id).toList(), a.themes().stream().map(ThemeScore::id).toList(),
                a.language(), f.salient(), f.anchors()));
        String entry = new ExactEntry(a.id(), storyId, f.eventTime()).format();
        for (String key : f.exactKeys()) {
            exact.putIfAbsent(key, entry);
        }
        for (String key : MinHash.bandKeys(f.signature(), BANDS_COUNT)) {
            append(bands, key, a.id());
        }
        for (String pair : pairs(f.salient())) {
            stories.put(storyKey(pair, f.eventTime(), a.id()), a.id());
        }
    }

    private static void append(KeyValueStore<String, String> store, String key, String id) {
        String list = store.get(key);
        List<String> ids = new ArrayList<>(list == null ? List.of() : Arrays.asList(list.split(",")));
        ids.add(id);
        if (ids.size() > MAX_IDS_PER_KEY) {
            ids = ids.subList(ids.size() - MAX_IDS_PER_KEY, ids.size());
        }
        store.put(key, String.join(",", ids));
    }

    /** Forgets what the stream's event time has left behind: signatures after the window, exact keys later. */
    private void purge(long streamTime) {
        forgetSignatures(streamTime - settings.window().toMillis());
        forgetExactKeys(streamTime - settings.exactMemory().toMillis());
    }

    private void forgetSignatures(long horizon) {
        List<Remembered> expired = new ArrayList<>();
        try (KeyValueIterator<String, Remembered> all = signatures.all()) {
            while (all.hasNext()) {
                KeyValue<String, Remembered> entry = all.next();
                if (entry.value.eventTime() < horizon) {
                    expired.add(entry.value);
                }
            }
        }
        for (Remembered r : expired) {
            signatures.delete(r.id());
            for (String key : MinHash.bandKeys(minHash.signature(r.shingles()), BANDS_COUNT)) {
                remove(bands, key, r.id());
            }
            for (String pair : pairs(r.salient())) {
                stories.delete(storyKey(pair, r.eventTime(), r.id()));
            }
        }
    }

    private void forgetExactKeys(long horizon) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> all = exact.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                ExactEntry e = ExactEntry.parse(entry.value);
                if (e == null || e.eventTime() < horizon) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(exact::delete);
    }

    private static void remove(KeyValueStore<String, String> store, String key, String id) {
        String list = store.get(key);
        if (list == null) {
            return;
        }
        List<String> ids = new ArrayList<>(Arrays.asList(list.split(",")));
        ids.remove(id);
        if (ids.isEmpty()) {
            store.delete(key);
        } else {
            store.put(key, String.join(",", ids));
        }
    }

    private static Set<String> ids(List<String> list) {
        return new HashSet<>(list);
    }

    private static boolean intersects(Set<String> a, List<String> b) {
        return b.stream().anyMatch(a::contains);
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
}
