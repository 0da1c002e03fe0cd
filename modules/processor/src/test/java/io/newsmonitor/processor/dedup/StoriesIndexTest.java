package io.newsmonitor.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.ThemeScore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The story index ({@link PairIndex}) against the scan it replaced: on generated write-ups of busy and specific
 * parties, shared and distinct anchors, late arrivals, forgotten and trimmed entries, the candidates it reads that
 * join are exactly those a scan of every write-up of the shared pairs in the window would join, and the story chosen
 * is the same.
 */
class StoriesIndexTest {

    private static final DedupSettings SETTINGS = new DedupSettings(0.8, 0.6, Duration.ofDays(14), Duration.ofDays(366),
            Duration.ofHours(72), Duration.ofHours(72), 0.15, 0.5);
    private static final long START = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    private static final List<String> BUSY = List.of("EU", "FR", "US");
    private static final List<String> OTHER_PARTIES = List.of("DE", "IN", "AL", "inetum", "mistral", "sap");
    private static final List<String> ANCHORS = List.of("paris", "berlin", "tirana", "200", "450", "1200", "raimondo",
            "horizont", "xanros", "belcor", "77", "310", "dakar", "inria", "nvidia");
    private static final List<String> THEMES = List.of("ai", "skills", "compute", "health");
    private static final List<String> LANGUAGES = List.of("fr", "en", "de");

    private final KeyValueStore<String, byte[]> index = store(DedupProcessor.STORIES, Serdes.ByteArray());
    private final KeyValueStore<String, Remembered> signatures = store(DedupProcessor.SIGNATURES,
            DedupSerdes.remembered());
    private final Stories stories = new Stories(SETTINGS, signatures, index);
    private final Random random = new Random(7);

    @Test
    void theIndexReadsEveryCandidateTheScanWouldJoinAndChoosesTheSameStory() {
        // given a stream of write-ups, mostly in order, some late, some at the same instant
        List<Remembered> remembered = new ArrayList<>();
        long time = START;
        long streamTime = START;
        int joined = 0;
        long read = 0;
        long scanned = 0;
        for (int n = 0; n < 4_000; n++) {
            time += random.nextInt(10) == 0 ? 0 : random.nextInt(40) * 60_000L;
            long eventTime = random.nextInt(20) == 0 ? time - random.nextInt(8 * 24) * 3_600_000L : time;
            streamTime = Math.max(streamTime, eventTime);
            Candidate c = writeUp("w" + n, eventTime);
            List<String> themes = c.announcement().themes().stream().map(ThemeScore::id).toList();

            // when its story is chosen from the index, and from a scan of every write-up of its pairs
            List<StoryFacts> candidates = candidates(c.fingerprint());
            Map<String, StoryFacts> scan = scan(c.fingerprint());
            Stories.Story story = stories.storyOf(c);

            // then the same write-ups join, and the story is the one the scan would choose
            assertThat(candidates).extracting(StoryFacts::id).doesNotHaveDuplicates();
            assertThat(joining(candidates, c, themes)).isEqualTo(joining(scan.values(), c, themes));
            assertThat(story).isEqualTo(earliestJoined(scan, c, themes));
            joined += story.id().equals(c.announcement().id()) ? 0 : 1;
            read += candidates.size();
            scanned += scan.size();

            Remembered r = remember(c, story);
            remembered.add(r);
            if (n % 50 == 49) {
                forgetOlderThan(remembered, streamTime - Duration.ofDays(5).toMillis());
                stories.trim(streamTime);
            }
        }
        assertThat(joined).as("write-ups that joined a story").isBetween(200, 3_800);
        assertThat(read).as("candidates read from the index, against those scanned").isLessThan(scanned / 2);
    }

    @Test
    void aWriteUpSharingNeitherAnAnchorNorAnOrganisationIsNotRead() {
        // given two earlier write-ups of France and the US, one sharing no anchor with the new one, one an anchor
        remember(writeUp("none", START, List.of("FR", "US"), List.of("berlin", "200"), "en"), "none");
        remember(writeUp("one", START + 1, List.of("FR", "US"), List.of("paris", "tirana"), "en"), "one");
        Candidate c = writeUp("new", START + 2, List.of("FR", "US"), List.of("tirana", "450"), "en");

        // when the candidates are read
        List<String> read = candidates(c.fingerprint()).stream().map(StoryFacts::id).toList();

        // then only the one sharing an anchor is among them; the scan would have compared both
        assertThat(read).containsExactly("one");
        assertThat(scan(c.fingerprint()).keySet()).containsExactly("none", "one");
    }

    @Test
    void aWriteUpSharingAnOrganisationIsReadWithoutSharedAnchors() {
        // given an earlier write-up of France, the US and Inetum with no anchor in common with the new one
        remember(writeUp("org", START, List.of("FR", "US", "inetum"), List.of("berlin"), "fr"), "org");
        Candidate c = writeUp("new", START + 1, List.of("FR", "US", "inetum"), List.of("dakar"), "en");

        // when its story is chosen
        Stories.Story story = stories.storyOf(c);

        // then it is read through the organisation, and joins across languages as the rule says
        assertThat(candidates(c.fingerprint())).extracting(StoryFacts::id).containsExactly("org");
        assertThat(story).isEqualTo(new Stories.Story("org", START));
    }

    @Test
    void aChainOfWriteUpsEachNearTheOneBeforeNeverStretchesAStoryBeyondTheSpanOfItsFirst() {
        // given write-ups of one organisation pair, each two days after the one before (story window and span 72 h)
        long day = Duration.ofDays(1).toMillis();
        List<Stories.Story> chosen = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            Candidate c = writeUp("w" + n, START + 2 * n * day, List.of("FR", "inetum", "mistral"), List.of("paris"),
                    "fr", Set.of("ai"), new int[] {1, 2, 3, 4});

            // when the story of each is chosen and it is remembered in it
            Stories.Story story = stories.storyOf(c);
            chosen.add(story);
            remember(c, story);
        }

        // then the second joins the first's story, the third is beyond that story's span and starts its own
        assertThat(chosen).containsExactly(new Stories.Story("w0", START), new Stories.Story("w0", START),
                new Stories.Story("w2", START + 4 * day), new Stories.Story("w2", START + 4 * day));
    }

    /** Every candidate the index gives, earliest first. */
    private List<StoryFacts> candidates(Fingerprint f) {
        List<StoryFacts> all = new ArrayList<>();
        stories.storyCandidates(f).forEach(all::add);
        return all;
    }

    /** What the scan of the earlier version read: every entry of each of the write-up's pairs in the window. */
    private Map<String, StoryFacts> scan(Fingerprint f) {
        long window = SETTINGS.storyWindow().toMillis();
        Map<String, StoryFacts> found = new LinkedHashMap<>();
        for (String pair : Stories.pairs(f.salient())) {
            try (KeyValueIterator<String, byte[]> range = index.range(
                    Stories.storyKey(pair, f.eventTime() - window, ""),
                    Stories.storyKey(pair, f.eventTime() + window, "\uffff"))) {
                range.forEachRemaining(e -> {
                    StoryFacts r = DedupSerdes.readStoryFacts(DedupProcessor.STORIES, e.value);
                    found.putIfAbsent(r.id(), r);
                });
            }
        }
        return found;
    }

    /**
     * The choice of the earlier version: the first of the earliest joined write-ups in scan order, of those published
     * within the window of their story's start.
     */
    private Stories.Story earliestJoined(Map<String, StoryFacts> scan, Candidate c, List<String> themes) {
        StoryFacts earliest = null;
        for (StoryFacts r : scan.values()) {
            if (stories.withinStory(c.fingerprint(), r)
                    && stories.joins(c.fingerprint(), c.announcement().language(), themes, r)
                    && (earliest == null || r.eventTime() < earliest.eventTime())) {
                earliest = r;
            }
        }
        return earliest == null ? new Stories.Story(c.announcement().id(), c.fingerprint().eventTime())
                : new Stories.Story(earliest.storyId(), earliest.storyStart());
    }

    private Set<String> joining(Iterable<StoryFacts> facts, Candidate c, List<String> themes) {
        Set<String> ids = new TreeSet<>();
        for (StoryFacts r : facts) {
            if (stories.joins(c.fingerprint(), c.announcement().language(), themes, r)) {
                ids.add(r.id());
            }
        }
        return ids;
    }

    private Candidate writeUp(String id, long eventTime) {
        Set<String> salient = new TreeSet<>();
        salient.add(pick(BUSY));
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            salient.add(random.nextBoolean() ? pick(BUSY) : pick(OTHER_PARTIES));
        }
        Set<String> anchors = new TreeSet<>();
        for (int i = 0, n = random.nextInt(6); i < n; i++) {
            anchors.add(pick(ANCHORS));
        }
        return writeUp(id, eventTime, List.copyOf(salient), List.copyOf(anchors), pick(LANGUAGES));
    }

    private Candidate writeUp(String id, long eventTime, List<String> salient, List<String> anchors,
                              String language) {
        Set<String> themes = new TreeSet<>();
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            themes.add(pick(THEMES));
        }
        int[] words = new int[16];
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextInt(4);
        }
        return writeUp(id, eventTime, salient, anchors, language, themes, words);
    }

    private static Candidate writeUp(String id, long eventTime, List<String> salient, List<String> anchors,
                                     String language, Set<String> themes, int[] words) {
        ClassifiedAnnouncement a = new ClassifiedAnnouncement(id, "source", null, "title", language,
                Instant.ofEpochMilli(eventTime), Instant.ofEpochMilli(eventTime), Instant.ofEpochMilli(eventTime),
                "text", List.of(), List.of(), themes.stream().map(t -> new ThemeScore(t, 1.0)).toList(), false, null,
                id, List.of(), "v1");
        return new Candidate(a, new Fingerprint(List.of(), new long[0], new int[0], words, salient, anchors,
                eventTime));
    }

    /** Remembers a write-up that starts a story of its own. */
    private Remembered remember(Candidate c, String story) {
        return remember(c, new Stories.Story(story, c.fingerprint().eventTime()));
    }

    private Remembered remember(Candidate c, Stories.Story story) {
        ClassifiedAnnouncement a = c.announcement();
        Fingerprint f = c.fingerprint();
        Remembered r = new Remembered(a.id(), story.id(), f.eventTime(), f.shingles(), f.words(), f.salient(),
                a.themes().stream().map(ThemeScore::id).toList(), a.language(), f.salient(), f.anchors(),
                story.start());
        signatures.put(r.id(), r);
        stories.index(r);
        return r;
    }

    private void forgetOlderThan(List<Remembered> remembered, long horizon) {
        List<Remembered> old = remembered.stream().filter(r -> r.eventTime() < horizon)
                .collect(Collectors.toList());
        old.forEach(stories::forget);
        remembered.removeAll(old);
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static <V> KeyValueStore<String, V> store(String name, Serde<V> serde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), serde).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }
}
