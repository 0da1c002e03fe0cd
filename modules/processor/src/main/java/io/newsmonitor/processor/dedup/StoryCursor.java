package io.newsmonitor.processor.dedup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Reads a list of index entries sorted by publication time, from the first published in a range, skipping dead
 * entries and those whose keys fall outside it. Cursors over several lists and pairs are merged earliest first by
 * {@link #earliestFirst}.
 */
final class StoryCursor {

    /**
     * The order in which the story is chosen: the earliest write-up, and among those published at the same time the
     * one under the write-up's first pair, then the smallest id (the order in which a scan of each pair's keys in turn
     * meets them).
     */
    private static final Comparator<StoryCursor> ORDER = Comparator
            .comparingLong((StoryCursor c) -> c.head().facts.eventTime())
            .thenComparingInt(c -> c.pair)
            .thenComparing(c -> c.head().facts.id());

    /**
     * The keys of one pair's entries that are candidates: from {@code low} to {@code high}, published from
     * {@code from} to {@code to}.
     */
    record Range(String low, String high, long from, long to) {
    }

    private final List<PairIndex.Entry> entries;
    private final Range range;
    private final int pair;
    private int position;

    StoryCursor(List<PairIndex.Entry> entries, Range range, int pair) {
        this.entries = entries;
        this.range = range;
        this.pair = pair;
        this.position = range.from() <= 0 ? 0 : start(entries, range.from());
    }

    /** The current entry, or {@code null} when none is left in range. */
    PairIndex.Entry head() {
        // Keys hold the time from the epoch on: those before it sort as the epoch, hence Math.max.
        long last = Math.max(0, range.to());
        while (position < entries.size()) {
            PairIndex.Entry e = entries.get(position);
            if (e.facts.eventTime() > last) {
                return null;
            }
            if (e.live && e.key.compareTo(range.low()) >= 0 && e.key.compareTo(range.high()) <= 0) {
                return e;
            }
            position++;
        }
        return null;
    }

    private void next() {
        position++;
    }

    /** The first position published at {@code from} or later. */
    private static int start(List<PairIndex.Entry> entries, long from) {
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (entries.get(mid).facts.eventTime() < from) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The write-ups of all cursors, each once, earliest first ({@link #ORDER}), read as they are asked for. */
    static Iterable<StoryFacts> earliestFirst(List<StoryCursor> cursors) {
        return () -> new Merge(cursors);
    }

    /** A sorted list of entries (those read from the store) as a cursor. */
    static StoryCursor of(List<PairIndex.Entry> entries, Range range, int pair) {
        List<PairIndex.Entry> sorted = new ArrayList<>(entries);
        sorted.sort(PairIndex.BY_TIME);
        return new StoryCursor(Collections.unmodifiableList(sorted), range, pair);
    }

    private static final class Merge implements Iterator<StoryFacts> {

        private final PriorityQueue<StoryCursor> queue = new PriorityQueue<>(ORDER);
        private final Set<String> seen = new HashSet<>();
        private StoryFacts next;

        Merge(List<StoryCursor> cursors) {
            for (StoryCursor c : cursors) {
                if (c.head() != null) {
                    queue.add(c);
                }
            }
        }

        @Override
        public boolean hasNext() {
            while (next == null && !queue.isEmpty()) {
                StoryCursor c = queue.poll();
                StoryFacts facts = c.head().facts;
                c.next();
                if (c.head() != null) {
                    queue.add(c);
                }
                if (seen.add(facts.id())) {
                    next = facts;
                }
            }
            return next != null;
        }

        @Override
        public StoryFacts next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            StoryFacts facts = next;
            next = null;
            return facts;
        }
    }
}
