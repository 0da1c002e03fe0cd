package io.newsmonitor.processor.classify;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ActorMention;
import io.newsmonitor.model.ActorType;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.model.Evidence;
import io.newsmonitor.processor.dedup.Anchors;
import io.newsmonitor.processor.dedup.Candidate;
import io.newsmonitor.processor.dedup.Fingerprint;
import io.newsmonitor.processor.dedup.MinHash;
import io.newsmonitor.processor.taxonomy.Actor;
import io.newsmonitor.text.LanguageGuesser;
import io.newsmonitor.text.TextAnalyzer;
import io.newsmonitor.processor.text.TextCleaner;
import io.newsmonitor.text.Token;
import io.newsmonitor.streams.PublicationTimeExtractor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The per-announcement half of the pipeline, free of shared state so that it runs in parallel on every partition:
 * clean, detect the language, classify, and compute the fingerprint the deduplicator will compare.
 */
public final class AnnouncementAnalyzer {

    /** Words per shingle for near-duplicate detection. */
    static final int SHINGLE_WIDTH = 3;
    /** Words of the body shingled: copies share their beginning; the bound keeps state small. */
    private static final int MAX_SHINGLED_WORDS = 600;
    /** Shortest body recognised as an exact copy by its text alone. */
    private static final int MIN_TEXT_KEY_WORDS = 20;
    /** Shortest content word kept for story similarity (shorter ones are mostly function words). */
    private static final int MIN_WORD_LENGTH = 4;
    /**
     * Characters of the text (title and lead first) the language is guessed from: the detector's cost grows with the
     * text's length and the number of languages, and was half the processor's CPU on full texts (profiled), while a
     * thousand characters tell fr, en and de apart as surely as twenty thousand.
     */
    static final int LANGUAGE_SAMPLE_CHARS = 1_000;

    private final TextCleaner cleaner;
    private final LanguageGuesser languages;
    private final TextAnalyzer analyzer;
    private final Classifier classifier;
    private final MinHash shingleHash;
    private final MinHash wordHash;
    private final Clock clock;

    public AnnouncementAnalyzer(TextCleaner cleaner, LanguageGuesser languages, TextAnalyzer analyzer,
                                Classifier classifier, MinHash shingleHash, MinHash wordHash, Clock clock) {
        this.cleaner = cleaner;
        this.languages = languages;
        this.analyzer = analyzer;
        this.classifier = classifier;
        this.shingleHash = shingleHash;
        this.wordHash = wordHash;
        this.clock = clock;
    }

    /** Classifies an announcement and fingerprints it. */
    public Candidate analyze(Announcement a) {
        TextCleaner.Cleaned cleaned = cleaner.clean(a);
        List<Token> tokens = analyzer.tokens(cleaned.text());
        Classification c = classifier.classify(cleaned.text(), cleaned.titleLength(), tokens);
        ClassifiedAnnouncement classified = new ClassifiedAnnouncement(a.id(), a.sourceId(), a.url(), a.title(),
                languages.detect(languageSample(cleaned.text())), a.publishedAt(), a.fetchedAt(), clock.instant(),
                cleaned.text(),
                c.actors(), c.countries(), c.themes(), c.aiCooperation(), c.cooperation(), a.id(), c.evidence(),
                classifier.taxonomy().version());
        return new Candidate(classified, fingerprint(a, tokens, cleaned, classified, c.mentions()));
    }

    /** The fingerprint, from the tokens already analysed: those of the body (all of them when there is no body). */
    private Fingerprint fingerprint(Announcement a, List<Token> tokens, TextCleaner.Cleaned cleaned,
                                    ClassifiedAnnouncement c, List<Evidence> mentions) {
        List<String> titleTerms = tokens.stream().filter(t -> t.start() < cleaned.titleLength())
                .map(Token::term).toList();
        List<String> terms = cleaned.body().isEmpty() ? tokens.stream().map(Token::term).toList()
                : tokens.stream().filter(t -> t.start() >= cleaned.titleLength()).map(Token::term).toList();
        long[] shingles = MinHash.shingleHashes(terms.subList(0, Math.min(terms.size(), MAX_SHINGLED_WORDS)),
                SHINGLE_WIDTH);
        Set<String> words = terms.stream().filter(t -> t.length() >= MIN_WORD_LENGTH)
                .collect(Collectors.toSet());
        List<String> exact = new ArrayList<>();
        if (a.url() != null) {
            exact.add("url:" + a.url());
        }
        if (a.guid() != null) {
            // GUIDs are unique within a feed only: many CMSs number their items 1, 2, 3...
            exact.add("guid:" + a.sourceId() + ":" + a.guid());
        }
        if (terms.size() >= MIN_TEXT_KEY_WORDS) {
            // Title and body: a feed that repeats one teaser as every description is not one story.
            exact.add("text:" + sha256(String.join(" ", titleTerms) + "\n" + String.join(" ", terms)));
        }
        long eventTime = PublicationTimeExtractor.eventTime(a.publishedAt(), a.fetchedAt(), a.fetchedAt() == null
                ? clock.millis() : a.fetchedAt().toEpochMilli());
        return new Fingerprint(exact, shingles, shingleHash.signature(shingles),
                wordHash.signature(MinHash.hashes(words)), salient(c),
                Anchors.of(c.text(), cleaned.titleLength(), mentions), eventTime);
    }

    /** The start of {@code text}, cut at a word boundary, that its language is guessed from. */
    static String languageSample(String text) {
        if (text.length() <= LANGUAGE_SAMPLE_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', LANGUAGE_SAMPLE_CHARS);
        return text.substring(0, cut > LANGUAGE_SAMPLE_CHARS / 2 ? cut : LANGUAGE_SAMPLE_CHARS);
    }

    /**
     * The cooperation parties (when two are left), else the countries, groups and organisations; not people or
     * government offices, which are their country already (and busy offices, such as a commerce department, would
     * join unrelated stories).
     * Organisations recognised outside the dictionary ({@link OrganisationNames}) are left out too: shared
     * organisations are specific parties that join two write-ups into one story by themselves, a trust the
     * recogniser has not earned (a false merge silently loses an alert); their names still count as anchors.
     */
    private List<String> salient(ClassifiedAnnouncement c) {
        Set<String> salient = new TreeSet<>(c.cooperation().parties());
        salient.removeIf(OrganisationNames::isRecognised);
        if (salient.size() < 2) {
            // no pair of parties left (none, or one with a recognised organisation): the text's actors, as when it
            // names no cooperation, so that its write-ups can still be grouped
            salient.clear();
            c.actors().stream().filter(m -> m.type() != ActorType.PERSON).map(ActorMention::id)
                    .filter(id -> !actsForItsCountry(id) && !OrganisationNames.isRecognised(id))
                    .forEach(salient::add);
        }
        return List.copyOf(salient);
    }

    private boolean actsForItsCountry(String actorId) {
        Actor actor = classifier.taxonomy().actors().get(actorId);
        return actor != null && actor.actsFor() != null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
