package io.newsmonitor.processor.dedup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The story candidates of one pair of salient actors, in memory: every entry by its index key (publication time, id),
 * and the same entries by each organisation among their salient actors and by each of their {@link Anchors anchors},
 * each list sorted by publication time.
 *
 * <p>Why by organisation and anchor: a write-up joins an earlier one only when their parties are specific (they share
 * an organisation) or when they share anchors ({@link Stories}). So the write-ups a new one can join are all under one
 * of its organisations or one of its anchors. What is read is a superset of what can join, however busy the pair
 * (France and the United States share thousands of write-ups a week, a programme's name a handful), with no cap.
 * (While every rule asked for two shared anchors, all lists but the longest would do; the lists are all read so that a
 * rule joining on one anchor stays exact.) Why sorted by
 * time: the story is the earliest joined write-up's, so the lists are read earliest first and reading stops at the
 * first that joins.
 *
 * <p>Forgotten and trimmed entries are marked dead and left in the organisation and anchor lists until dead postings
 * are half of them; then the lists are rebuilt from the live entries, so that upkeep is proportional to what dies.
 */
final class PairIndex {

    /** Publication time, then id: the order of the index keys (for times from the epoch on). */
    static final Comparator<Entry> BY_TIME = Comparator.comparingLong((Entry e) -> e.facts.eventTime())
            .thenComparing(e -> e.facts.id());

    private final Predicate<String> organisation;
    private final NavigableMap<String, Entry> byKey = new TreeMap<>();
    private final Map<String, List<Entry>> byOrganisation = new HashMap<>();
    private final Map<String, List<Entry>> byAnchor = new HashMap<>();
    /** Entries published from this time on are all here; earlier ones may have been trimmed. */
    private long complete = Long.MIN_VALUE;
    private long postings;
    private long dead;

    /** @param organisation whether an actor id is an organisation's */
    PairIndex(Predicate<String> organisation) {
        this.organisation = organisation;
    }

    /** Adds (or replaces) the entry under {@code key}. */
    void put(String key, StoryFacts facts) {
        Entry entry = new Entry(key, facts);
        kill(byKey.put(key, entry));
        post(entry);
        rebuildWhenHalfDead();
    }

    /** Removes the entry under {@code key}, if any. */
    void remove(String key) {
        kill(byKey.remove(key));
        rebuildWhenHalfDead();
    }

    /** Lets go of the entries whose keys sort before {@code horizonKey}, published before {@code horizon}. */
    void trim(String horizonKey, long horizon) {
        NavigableMap<String, Entry> old = byKey.headMap(horizonKey, false);
        old.values().forEach(this::kill);
        old.clear();
        complete = horizon;
        rebuildWhenHalfDead();
    }

    long complete() {
        return complete;
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /**
     * Cursors over the entries in {@code range} that share with a write-up one of its {@code organisations} or one of
     * its {@code anchors}.
     *
     * @param pair the position of this pair among the write-up's, which orders entries published at the same time
     */
    void cursors(List<String> organisations, List<String> anchors, StoryCursor.Range range, int pair,
                 Collection<StoryCursor> out) {
        for (String id : organisations) {
            add(byOrganisation.get(id), range, pair, out);
        }
        for (String anchor : anchors) {
            add(byAnchor.get(anchor), range, pair, out);
        }
    }

    private static void add(List<Entry> list, StoryCursor.Range range, int pair, Collection<StoryCursor> out) {
        if (list != null) {
            StoryCursor cursor = new StoryCursor(list, range, pair);
            if (cursor.head() != null) {
                out.add(cursor);
            }
        }
    }

    private void post(Entry entry) {
        for (String id : entry.facts.salient()) {
            if (organisation.test(id)) {
                insert(byOrganisation.computeIfAbsent(id, k -> new ArrayList<>()), entry);
            }
        }
        for (String anchor : entry.facts.anchors()) {
            insert(byAnchor.computeIfAbsent(anchor, k -> new ArrayList<>()), entry);
        }
    }

    /** Inserts in time order: at the end but for write-ups that arrive late. */
    private void insert(List<Entry> list, Entry entry) {
        int at = list.size();
        if (at > 0 && BY_TIME.compare(list.get(at - 1), entry) > 0) {
            int found = Collections.binarySearch(list, entry, BY_TIME);
            at = found >= 0 ? found : -found - 1;
        }
        list.add(at, entry);
        postings++;
    }

    private void kill(Entry entry) {
        if (entry != null && entry.live) {
            entry.live = false;
            dead += entry.facts.anchors().size() + entry.facts.salient().stream().filter(organisation).count();
        }
    }

    /** Rebuilds the organisation and anchor lists from the live entries once half their postings are dead. */
    private void rebuildWhenHalfDead() {
        if (dead == 0 || dead * 2 < postings) {
            return;
        }
        byOrganisation.clear();
        byAnchor.clear();
        postings = 0;
        dead = 0;
        byKey.values().forEach(this::post);
    }

    /** An entry of the index: its key and facts, and whether it is still there. */
    static final class Entry {
        final String key;
        final StoryFacts facts;
        boolean live = true;

        Entry(String key, StoryFacts facts) {
            this.key = key;
            this.facts = facts;
        }
    }
}
