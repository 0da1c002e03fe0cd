package io.newsmonitor.processor.config;

import io.newsmonitor.config.Setting;
import io.newsmonitor.config.Settings;
import io.newsmonitor.processor.dedup.DedupSettings;
import io.newsmonitor.text.LanguageGuesser;
import java.time.Duration;
import java.util.List;

/**
 * The processor's settings ({@code processor.*} in {@code newsmonitor.yaml}), each declared once with its default,
 * meaning and validation.
 *
 * @param applicationId      Kafka Streams application id (consumer group and internal topic prefix)
 * @param threads            stream threads of this instance
 * @param stateDir           where RocksDB state lives
 * @param aiSubstantiveScore {@code ai} theme score from which AI is the subject
 * @param maxTextChars       longest cleaned text kept
 * @param languages          languages told apart by the detector
 * @param dedup              duplicate and story recognition
 * @param commitInterval     how often its transactions commit
 */
public record ProcessorConfig(String applicationId, int threads, String stateDir, double aiSubstantiveScore,
                              int maxTextChars, List<String> languages, DedupSettings dedup,
                              Duration commitInterval) {

    private static final String RATIO = "between 0 and 1";

    public static final Setting<String> APPLICATION_ID = Setting.string("processor.applicationId",
            "newsmonitor-processor", "Kafka Streams application id: instances with the same id share the work")
            .withRule(s -> s.matches("[A-Za-z0-9._-]+"), "letters, digits, '.', '_' or '-'");
    public static final Setting<Integer> THREADS = Setting.integer("processor.threads", 1,
            "Stream threads of this instance").withRule(n -> n >= 1 && n <= 64, "between 1 and 64");
    public static final Setting<String> STATE_DIR = Setting.string("processor.stateDir", "data/streams",
            "Directory of the RocksDB state stores (rebuilt from changelogs when lost)");
    /**
     * Kafka Streams' own default under exactly-once: an announcement passes two of the processor's commits (classify,
     * then deduplicate), so this bounds what the processor adds to an alert's delay when it keeps up. 50 ms halved the
     * median raw-to-alert delay, but {@code BrokerOutageTest} then lost output after the broker's unclean restart in 3 of
     * about 12 runs, against 0 of 15 at 100 ms (docs/reliability.md).
     */
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration("processor.commitInterval",
                    Duration.ofMillis(100), "How often the processor commits its transactions; its output is visible "
                            + "only then, and each commit costs the broker a marker per partition written")
            .withRule(d -> d.toMillis() >= 10 && d.toMillis() <= 60_000, "between 10 ms and 60 s");
    public static final Setting<Double> AI_SUBSTANTIVE_SCORE = Setting.decimal("processor.aiSubstantiveScore", 2.0,
                    "Score of the ai theme from which AI is the subject of an announcement, not a passing word")
            .withRule(d -> d > 0, "positive");
    public static final Setting<Integer> MAX_TEXT_CHARS = Setting.integer("processor.maxTextChars", 20_000,
            "Longest cleaned text kept and classified").withRule(n -> n >= 500, "at least 500");
    public static final Setting<List<String>> LANGUAGES = Setting.strings("processor.languages",
                    List.of("fr", "en", "de", "it", "es", "pt", "nl", "pl", "sq", "ar", "ro", "el", "tr", "hr", "sr",
                            "sl", "cs", "sk", "hu", "bg", "sv", "da", "fi", "uk", "ru"),
                    "ISO 639-1 codes of the languages the detector tells apart; others are tagged 'und'")
            .withRule(l -> l.size() >= 2, "at least two languages")
            .withRule(l -> l.stream().allMatch(LanguageGuesser::isKnown),
                    "ISO 639-1 codes of languages the detector knows (fr, en, de, it, ...)");
    public static final Setting<Double> DEDUP_THRESHOLD = Setting.decimal("processor.dedup.threshold", 0.8,
            "Similarity from which two announcements are copies: share of the shorter body's word shingles found "
                    + "in the other").withRule(d -> d > 0 && d <= 1, RATIO);
    public static final Setting<Double> DEDUP_EDITED_THRESHOLD = Setting.decimal("processor.dedup.editedThreshold",
            0.6, "Similarity from which an announcement that reports the same event as an earlier one (same parties "
                    + "and content, as for stories) is an edited copy of it; at or above processor.dedup.threshold "
                    + "it changes nothing").withRule(d -> d > 0 && d <= 1, RATIO);
    public static final Setting<Duration> DEDUP_WINDOW = Setting.duration("processor.dedup.window",
            Duration.ofDays(14), "How long, in publication time, an announcement is remembered for near-copy and "
                    + "story matching").withRule(d -> !d.isNegative() && !d.isZero(), "positive");
    public static final Setting<Duration> EXACT_MEMORY = Setting.duration("processor.dedup.exactMemory",
            Duration.ofDays(366), "How long, in publication time, an announcement's URL, GUID and text are "
                    + "remembered (at least the window); an announcement published longer before the newest one "
                    + "goes to the duplicates topic as OUTDATED").withRule(d -> !d.isNegative() && !d.isZero(),
            "positive");
    public static final Setting<Duration> STORY_WINDOW = Setting.duration("processor.stories.window",
            Duration.ofHours(72), "How far apart two write-ups of one event may be published")
            .withRule(d -> !d.isNegative() && !d.isZero(), "positive");
    /**
     * A week: a summit, a state visit or a several-day event is covered over days, each report near the one before,
     * and "the same days" of docs/labelling.md is about that; without a bound such chains grew one story of
     * generated news to a thousand write-ups (docs/benchmarks.md).
     */
    public static final Setting<Duration> STORY_SPAN = Setting.duration("processor.stories.span",
            Duration.ofDays(7), "How long after its first write-up a story may still grow (at least the story window)")
            .withRule(d -> !d.isNegative() && !d.isZero(), "positive");
    public static final Setting<Double> STORY_SIMILARITY = Setting.decimal("processor.stories.similarity", 0.15,
            "Least content-word similarity of two same-language write-ups of one story")
            .withRule(d -> d >= 0 && d <= 1, RATIO);
    /**
     * A third: themes found in ordinary words differ between two write-ups of one event by a theme or two (on dev and
     * the team corpus, half kept 3 same-event pairs apart; a quarter joined two distinct events).
     */
    public static final Setting<Double> STORY_THEME_OVERLAP = Setting.decimal("processor.stories.themeOverlap", 0.34,
            "Least overlap of the themes of two write-ups of one story").withRule(d -> d >= 0 && d <= 1, RATIO);

    /** Every setting of this section. */
    public static final List<Setting<?>> SETTINGS = List.of(APPLICATION_ID, THREADS, STATE_DIR, COMMIT_INTERVAL,
            AI_SUBSTANTIVE_SCORE, MAX_TEXT_CHARS, LANGUAGES, DEDUP_THRESHOLD, DEDUP_EDITED_THRESHOLD, DEDUP_WINDOW,
            EXACT_MEMORY, STORY_WINDOW, STORY_SPAN, STORY_SIMILARITY, STORY_THEME_OVERLAP);

    /** The processor section of the settings. */
    public static ProcessorConfig from(Settings s) {
        return new ProcessorConfig(s.get(APPLICATION_ID), s.get(THREADS), s.get(STATE_DIR),
                s.get(AI_SUBSTANTIVE_SCORE), s.get(MAX_TEXT_CHARS), s.get(LANGUAGES),
                new DedupSettings(s.get(DEDUP_THRESHOLD), s.get(DEDUP_EDITED_THRESHOLD), s.get(DEDUP_WINDOW),
                        s.get(EXACT_MEMORY), s.get(STORY_WINDOW), s.get(STORY_SPAN), s.get(STORY_SIMILARITY),
                        s.get(STORY_THEME_OVERLAP)),
                s.get(COMMIT_INTERVAL));
    }

    /** The same configuration under another application id and state directory (for replay). */
    public ProcessorConfig withApplicationId(String id, String dir) {
        return new ProcessorConfig(id, threads, dir, aiSubstantiveScore, maxTextChars, languages, dedup,
                commitInterval);
    }
}
