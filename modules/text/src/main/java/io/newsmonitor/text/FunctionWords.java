package io.newsmonitor.text;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the language of running text from its function words (articles, prepositions, auxiliaries), when they leave
 * no doubt. It answers for a few languages only, and only when one of them clearly dominates; otherwise it returns
 * empty and the caller asks the statistical detector.
 *
 * <p>Why: Lingua costs several milliseconds per text and was most of the processor's time; a press release in French,
 * English or German is told by its "le/les/des", "the/and/of" or "der/die/und" in a microsecond. The word lists
 * hold only words frequent in one of these languages and rare in the others (no "de", "la", "en", "in", "es"), and
 * the decision asks for many hits, a large share of the words and a wide margin over the runner-up, so that a text in
 * another language (Albanian, Polish...) or a mix goes to the detector.
 */
final class FunctionWords {

    /** Fewest words a text must have for a decision. */
    static final int MIN_WORDS = 30;
    /** Fewest function words of the winning language. */
    static final int MIN_HITS = 8;
    /** Share of all words that must be the winner's function words. */
    static final double MIN_SHARE = 0.12;
    /** How many times the runner-up's hits the winner must have. */
    static final int MIN_MARGIN = 3;

    private static final Map<String, Set<String>> WORDS = Map.of(
            "fr", Set.of("le", "les", "des", "du", "et", "est", "une", "dans", "pour", "qui", "sur", "avec", "ce",
                    "cette", "sont", "pas", "au", "aux", "ont", "été", "leur", "ses", "aussi", "nous", "mais", "elle",
                    "ces", "lors", "afin"),
            "en", Set.of("the", "and", "of", "to", "is", "that", "for", "with", "are", "was", "this", "by", "from",
                    "at", "be", "have", "has", "will", "which", "its", "their", "been", "were", "would", "also"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "einer",
                    "zu", "auf", "für", "sich", "von", "im", "auch", "wird", "werden", "sind", "bei", "nach", "aus",
                    "oder", "über", "hat", "zum", "zur", "durch"),
            "it", Set.of("di", "che", "della", "del", "sono", "nel", "nella", "delle", "degli", "anche", "gli",
                    "alla", "dei", "questo", "essere", "è", "per", "nei", "sul", "sulla", "tra", "dal", "dalla", "stato",
                    "viene"),
            "es", Set.of("el", "los", "las", "y", "por", "para", "su", "como", "pero", "más", "sus", "fue", "está",
                    "este", "esta", "muy"),
            "pt", Set.of("os", "dos", "em", "com", "não", "ao", "pela", "pelo", "são", "foi", "mais", "seu", "sua",
                    "também"),
            "nl", Set.of("het", "een", "van", "dat", "op", "te", "voor", "met", "zijn", "niet", "aan", "ook", "wordt",
                    "worden", "naar", "bij", "deze", "heeft", "hebben", "maar", "uit", "door"));

    private final Map<String, Set<String>> lists;

    /** @param languages the languages the deployment tells apart: only those of them with a list take part */
    FunctionWords(List<String> languages) {
        Map<String, Set<String>> chosen = new HashMap<>();
        languages.forEach(code -> {
            Set<String> words = WORDS.get(code.trim().toLowerCase(Locale.ROOT));
            if (words != null) {
                chosen.put(code.trim().toLowerCase(Locale.ROOT), words);
            }
        });
        this.lists = Map.copyOf(chosen);
    }

    /** The language the text's function words leave no doubt about, or empty. */
    Optional<String> decide(String text) {
        if (lists.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> hits = new HashMap<>();
        int words = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            words++;
            for (Map.Entry<String, Set<String>> list : lists.entrySet()) {
                if (list.getValue().contains(word)) {
                    hits.merge(list.getKey(), 1, Integer::sum);
                }
            }
        }
        return winner(hits, words);
    }

    private static Optional<String> winner(Map<String, Integer> hits, int words) {
        String best = null;
        int first = 0;
        int second = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (e.getValue() > first) {
                second = first;
                first = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        boolean clear = words >= MIN_WORDS && first >= MIN_HITS && first >= MIN_SHARE * words
                && first >= MIN_MARGIN * second;
        return clear ? Optional.of(best) : Optional.empty();
    }
}
