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
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises copies and groups write-ups into stories, first seen wins. It runs on a single partition so that every
 * announcement is compared with every other one in the window, whatever partition it arrived on.
 *
 * <ol>
 *   <li>A source's announcement already decided (the same one again) is not decided twice: nothing is written.</li>
 *   <li>Exact copy: an earlier announcement had the same canonical URL, GUID or normalised body.</li>
 *   <li>Near copy: an earlier announcement shares an LSH band of the body's MinHash signature (a candidate), shares
 *       an actor and a theme, and the share of the shorter body's shingles found in the other, measured exactly on
 *       their hashes, reaches the threshold.</li>
 *   <li>Otherwise first seen, in the story of an earlier write-up when {@link Stories} finds one.</li>
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
    /** Story candidates by pair of salient actors and publication time ({@link Stories}). */
    public static final String STORIES = "dedup-story-pairs";
    /**
     * What to forget when: signatures and exact keys by event time, so that a purge reads only what it forgets
     * (a full scan of the signatures on every purge was, in a backlog, most of the deduplicator's work).
     */
    public static final String EXPIRY = "dedup-expiry";

    /**
     * The exact key saying a source's announcement has its outcome, first seen or copy. The same announcement of the
     * same source again (a poller that lost its state publishes an item once more; input read again after a broker's
     * crash) is then not decided a second time: it has one outcome, and a first-seen one is not called a copy of
     * itself.
     */
    private static final String DECIDED = "id:";
    private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);

    static final int BANDS_COUNT = 32;
    private static final int MAX_IDS_PER_KEY = 64;
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final String SIGNATURE_EXPIRY = "s";
    private static final String EXACT_EXPIRY = "x";
    /** Present once the expiry index holds every signature and exact key (state of earlier versions had none). */
    private static final String EXPIRY_COMPLETE = "complete";
    private static final char KEY_SEPARATOR = '\u0001';
    private static final int TIME_DIGITS = 19;

    private final DedupSettings settings;
    private final MinHash minHash;
    private ProcessorContext<String, DedupOutcome> context;
    private KeyValueStore<String, Remembered> signatures;
    private KeyValueStore<String, String> exact;
    private KeyValueStore<String, String> bands;
    private KeyValueStore<String, String> expiry;
    private Stories stories;

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
        expiry = context.getStateStore(EXPIRY);
        stories = new Stories(settings, signatures, context.getStateStore(STORIES));
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
        ExactEntry decided = ExactEntry.parse(exact.get(decidedKey(a)));
        if (decided != null) {
            LOG.warn("Announcement {} of source {} was decided already (story {}): it came again, nothing written",
                    a.id(), a.sourceId(), decided.storyId());
            return;
        }
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
            rememberDecided(a, duplicate.announcement().storyId(), c.fingerprint().eventTime());
            context.forward(stamped.withKey(a.id()).withValue(new DedupOutcome(null, duplicate)));
            return;
        }
        Stories.Story story = stories.storyOf(c);
        ClassifiedAnnouncement firstSeen = a.withStoryId(story.id());
        remember(c, story);
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
            if (similarity > bestSimilarity && isCopy(c, r, similarity)) {
                best = r;
                bestSimilarity = similarity;
            }
        }
        return best == null ? null : new Duplicate(best.id(), Duplicate.Match.NEAR,
                Math.round(bestSimilarity * 1000) / 1000.0, c.announcement().withStoryId(best.storyId()));
    }

    /**
     * A copy shares most of its text with the original; an edited copy (reworded sentences, a paragraph added or cut)
     * shares less, so it counts only when the story rules also say it reports the same event: two different
     * announcements of one source that share a long boilerplate footer do not.
     */
    private boolean isCopy(Candidate c, Remembered r, double similarity) {
        return similarity >= settings.threshold()
                || similarity >= settings.editedThreshold() && stories.sameEvent(c, r);
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

    private void remember(Candidate c, Stories.Story story) {
        ClassifiedAnnouncement a = c.announcement();
        Fingerprint f = c.fingerprint();
        Remembered remembered = new Remembered(a.id(), story.id(), f.eventTime(), f.shingles(), f.words(),
                a.actors().stream().map(ActorMention::id).toList(), a.themes().stream().map(ThemeScore::id).toList(),
                a.language(), f.salient(), f.anchors(), story.start());
        signatures.put(a.id(), remembered);
        expiry.put(expiryKey(SIGNATURE_EXPIRY, f.eventTime(), a.id()), a.id());
        String entry = new ExactEntry(a.id(), story.id(), f.eventTime()).format();
        for (String key : f.exactKeys()) {
            if (exact.putIfAbsent(key, entry) == null) {
                expiry.put(expiryKey(EXACT_EXPIRY, f.eventTime(), key), key);
            }
        }
        for (String key : MinHash.bandKeys(f.signature(), BANDS_COUNT)) {
            append(bands, key, a.id());
        }
        stories.index(remembered);
        rememberDecided(a, story.id(), f.eventTime());
    }

    /** That {@code a} has its outcome: an exact key of its own, forgotten with the others. */
    private void rememberDecided(ClassifiedAnnouncement a, String storyId, long eventTime) {
        String key = decidedKey(a);
        exact.put(key, new ExactEntry(a.id(), storyId, eventTime).format());
        expiry.put(expiryKey(EXACT_EXPIRY, eventTime, key), key);
    }

    /**
     * By source and id: another source linking to the same article has the same id (it depends on the URL alone) and
     * is still a copy, written as such.
     */
    private static String decidedKey(ClassifiedAnnouncement a) {
        return DECIDED + a.sourceId() + KEY_SEPARATOR + a.id();
    }

    /** The expiry index key of a signature or exact key: kind, event time (zero-padded, so keys sort by it), key. */
    private static String expiryKey(String kind, long eventTime, String key) {
        String time = Long.toString(Math.max(0, eventTime));
        return kind + "0".repeat(TIME_DIGITS - time.length()) + time + KEY_SEPARATOR + key;
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
        if (expiry.get(EXPIRY_COMPLETE) == null) {
            indexExpiries();
        }
        forgetSignatures(streamTime - settings.window().toMillis());
        forgetExactKeys(streamTime - settings.exactMemory().toMillis());
        stories.trim(streamTime);
    }

    /**
     * Completes the expiry index, once, from the state an earlier version left without one: every signature and
     * exact key under its event time.
     */
    private void indexExpiries() {
        try (KeyValueIterator<String, Remembered> all = signatures.all()) {
            all.forEachRemaining(e -> expiry.put(expiryKey(SIGNATURE_EXPIRY, e.value.eventTime(), e.key), e.key));
        }
        try (KeyValueIterator<String, String> all = exact.all()) {
            all.forEachRemaining(e -> {
                ExactEntry entry = ExactEntry.parse(e.value);
                expiry.put(expiryKey(EXACT_EXPIRY, entry == null ? 0 : entry.eventTime(), e.key), e.key);
            });
        }
        expiry.put(EXPIRY_COMPLETE, "");
    }

    private void forgetSignatures(long horizon) {
        for (KeyValue<String, String> expired : expired(SIGNATURE_EXPIRY, horizon)) {
            Remembered r = signatures.get(expired.value);
            if (r != null && r.eventTime() < horizon) {
                signatures.delete(r.id());
                for (String key : MinHash.bandKeys(minHash.signature(r.shingles()), BANDS_COUNT)) {
                    remove(bands, key, r.id());
                }
                stories.forget(r);
            }
            expiry.delete(expired.key);
        }
    }

    private void forgetExactKeys(long horizon) {
        for (KeyValue<String, String> expired : expired(EXACT_EXPIRY, horizon)) {
            ExactEntry e = ExactEntry.parse(exact.get(expired.value));
            if (e == null || e.eventTime() < horizon) {
                exact.delete(expired.value);
            }
            expiry.delete(expired.key);
        }
    }

    /** The expiry index entries of a kind dated before {@code horizon}: key, and the signature id or exact key. */
    private List<KeyValue<String, String>> expired(String kind, long horizon) {
        List<KeyValue<String, String>> expired = new ArrayList<>();
        if (horizon <= 0) {
            return expired;
        }
        try (KeyValueIterator<String, String> found = expiry.range(expiryKey(kind, 0, ""),
                expiryKey(kind, horizon - 1, "\uffff"))) {
            found.forEachRemaining(expired::add);
        }
        return expired;
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
}
