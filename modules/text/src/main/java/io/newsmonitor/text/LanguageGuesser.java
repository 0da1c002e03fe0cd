package io.newsmonitor.text;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import java.util.Locale;

/**
 * Detects the language of a text with Lingua, among a configured set of languages (fr, en, de and the others the
 * deployment expects). A text in none of them, or too short to tell, is tagged {@code und}; nothing is dropped.
 * Lingua runs in its low-accuracy mode (trigram models only), which keeps memory small and is accurate on texts of
 * a sentence or more. Before Lingua, the text's function words are counted ({@link FunctionWords}): most press
 * releases are told apart by them in a microsecond, and only the doubtful rest costs Lingua's milliseconds. Thread-safe.
 */
public final class LanguageGuesser {

    /** The tag of a text whose language could not be told. */
    public static final String UNDETERMINED = "und";

    private final LanguageDetector detector;
    private final FunctionWords functionWords;

    /**
     * @param isoCodes ISO 639-1 codes of the languages to tell apart (at least two)
     * @throws IllegalArgumentException naming a code Lingua does not know
     */
    public LanguageGuesser(List<String> isoCodes) {
        Language[] languages = isoCodes.stream().map(LanguageGuesser::language).toArray(Language[]::new);
        this.detector = LanguageDetectorBuilder.fromLanguages(languages).withLowAccuracyMode().build();
        this.functionWords = new FunctionWords(isoCodes);
    }

    /** Whether the detector knows the language of this ISO 639-1 code. */
    public static boolean isKnown(String code) {
        try {
            language(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Language language(String code) {
        try {
            return Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown language code '" + code + "'", e);
        }
    }

    /** The ISO 639-1 code of the text's language, or {@value #UNDETERMINED}. */
    public String detect(String text) {
        return functionWords.decide(text).orElseGet(() -> detectWithLingua(text));
    }

    /** What Lingua alone says of the text: the answer for any text whose function words leave a doubt. */
    String detectWithLingua(String text) {
        Language language = detector.detectLanguageOf(text);
        return language == Language.UNKNOWN ? UNDETERMINED
                : language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }
}
