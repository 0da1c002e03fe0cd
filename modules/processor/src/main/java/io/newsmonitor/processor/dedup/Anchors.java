package io.newsmonitor.processor.dedup;

import io.newsmonitor.model.Evidence;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names and figures of a text that say which event it reports, whatever its language: proper names written with
 * a capital inside a sentence (a company, a programme, a person, a place: "Mistral", "Inetum", "Tirana") and numbers
 * ("200 millions d'euros" and "€200 million" both give {@code 200}). Two write-ups of one event share several;
 * two events of the same parties a week apart rarely do.
 *
 * <p>Several capitalised words in a row make one anchor, their longest word ("Gina Raimondo" is "raimondo").
 *
 * <p>The parties themselves are left out (the spans the classifier matched as actors): sharing them is what made the
 * two write-ups candidates in the first place, so it proves nothing more. Years, month and weekday names are left
 * out too, and days of the month: every text of a week shares them. So are the words that only look like names: the
 * title (English titles capitalise every word), a capitalised word the text also writes in lower case ("Safety" and
 * "safety"), and German common nouns by their suffixes ("Zusammenarbeit", "Forschung").
 */
public final class Anchors {

    /** A capitalised word of three letters or more, with the capitalised words that follow it ("New Delhi"). */
    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}]{2,}(?:[ -]\\p{Lu}[\\p{L}\\p{M}]+)*");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");
    private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\d\\u00A0\\u202F ,.]*\\d)?");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final Set<String> CALENDAR = Set.of("january", "february", "march", "april", "june", "july",
            "august", "september", "october", "november", "december", "januar", "februar", "marz", "juni", "juli",
            "oktober", "dezember", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag");
    /**
     * Capitalised words that name no event: offices, titles, institutions and meetings in general, and Europe, which
     * EU texts name in every line (folded; fr, en, de). A name of several words stands by its other words
     * ("AI Safety Institute" is "safety").
     */
    private static final Set<String> GENERIC = Set.of("europe", "european", "europeen", "europeenne", "europeens",
            "europeennes", "europa", "europaische", "europaischen", "europaischer", "europaisches", "etat", "etats",
            "state", "states", "staat", "staaten", "sommet", "summit", "gipfel", "conference", "konferenz", "forum",
            "council", "conseil", "minister", "ministers", "ministre", "ministres", "ministry", "ministere",
            "ministerium", "secretary", "secretaire", "president", "presidente", "prasident", "prasidentin", "premier",
            "prime", "chancellor", "chancelier", "kanzler", "bundeskanzler", "commissioner", "commissaire", "kommissar",
            "commission", "kommission", "parliament", "parlement", "parlament", "government", "gouvernement",
            "regierung", "bundesregierung", "department", "agency", "agence", "agentur", "institute", "institut",
            "university", "universite", "universitat", "union", "national", "nationale", "international",
            "internationale", "federal", "republic", "republique", "republik", "declaration", "dialogue", "dialog",
            "partnership", "partenariat", "agreement", "accord", "abkommen", "memorandum", "office", "bureau");
    private static final String SENTENCE_ENDS = ".!?:;\"«»“”„\n";
    /** Suffixes of German common nouns, of folded words; checked without a regular expression on this hot path. */
    private static final List<String> GERMAN_NOUN_SUFFIXES = List.of("ung", "ungen", "heit", "keit", "schaft",
            "arbeit", "tion", "ismus", "nis", "nisse", "ik", "ie", "enz", "anz", "ment", "ende", "enden", "ender");

    private Anchors() {
    }

    /**
     * The anchors of {@code text}'s body, sorted.
     *
     * @param titleLength length of the title at the start of {@code text}, which is left out
     * @param evidence    the classifier's matches in {@code text}; the spans of actor matches are left out
     */
    public static List<String> of(String text, int titleLength, List<Evidence> evidence) {
        Set<String> anchors = new TreeSet<>();
        Set<String> lowerCaseWords = lowerCaseWords(text);
        Matcher name = NAME.matcher(text);
        name.region(Math.min(titleLength, text.length()), text.length());
        while (name.find()) {
            if (inActor(evidence, name.start(), name.end())) {
                continue;
            }
            String words = name.group();
            if (words.indexOf(' ') >= 0 || words.indexOf('-') >= 0) {
                String head = head(words);
                if (!head.isEmpty() && isName(lowerCaseWords, head)) {
                    anchors.add(fold(head));
                }
            } else if (!sentenceInitial(text, name.start()) && isName(lowerCaseWords, words)) {
                anchors.add(fold(words));
            }
        }
        Matcher number = NUMBER.matcher(text);
        number.region(Math.min(titleLength, text.length()), text.length());
        while (number.find()) {
            String digits = digits(number.group());
            if (digits.length() >= 2 && !dayOrYear(digits)) {
                anchors.add(digits);
            }
        }
        return List.copyOf(anchors);
    }

    /** The digits of a number as written ("1 200,5" is "12005"). */
    private static String digits(String number) {
        StringBuilder digits = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** Days of the month and years: every text of a week or a year shares them. */
    private static boolean dayOrYear(String digits) {
        return digits.length() == 2 && Integer.parseInt(digits) <= 31
                || digits.length() == 4 && YEAR.matcher(digits).matches();
    }

    /** Whether the word at {@code start} opens a sentence, where any word takes a capital. */
    private static boolean sentenceInitial(String text, int start) {
        int i = start - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\u00A0')) {
            i--;
        }
        return i < 0 || SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0;
    }

    /**
     * Whether a capitalised word is a name rather than a common word: not a calendar word, a generic office or
     * meeting word, a German common noun, an acronym's plural, or a word the text also writes in lower case.
     */
    private static boolean isName(Set<String> lowerCaseWords, String word) {
        String folded = fold(word);
        return !CALENDAR.contains(folded) && !GENERIC.contains(folded) && !germanNoun(folded)
                && !acronymPlural(word)
                && !lowerCaseWords.contains(word.substring(0, 1).toLowerCase(Locale.ROOT) + word.substring(1));
    }

    /** A German common noun by its suffix ("Zusammenarbeit", "Forschung"). */
    private static boolean germanNoun(String folded) {
        for (String suffix : GERMAN_NOUN_SUFFIXES) {
            if (folded.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** The plural of an acronym ("GPUs", "CEOs", "LLMs") is a common noun, not a name. */
    private static boolean acronymPlural(String word) {
        int n = word.length();
        if (n < 3 || word.charAt(n - 1) != 's') {
            return false;
        }
        for (int i = 0; i < n - 1; i++) {
            if (!Character.isUpperCase(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The word that stands for a name of several words: its longest that is not generic (none if all are), the last
     * on ties ("Gina Raimondo" is "raimondo", "New Delhi" "delhi", "Mistral AI" "mistral", and "Programm Horizont"
     * and "programme Horizont" meet on "horizont"), so that one name counts once and is found in every language.
     */
    private static String head(String words) {
        String head = "";
        for (String word : words.split("[ -]")) {
            if (word.length() >= head.length() && !GENERIC.contains(fold(word))) {
                head = word;
            }
        }
        return head;
    }

    /**
     * The words the text writes with a small initial, read once: a capitalised word among them is a common word
     * that opens a sentence or a title, not a name.
     */
    private static Set<String> lowerCaseWords(String text) {
        Set<String> words = new HashSet<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            if (Character.isLowerCase(text.charAt(word.start()))) {
                words.add(word.group());
            }
        }
        return words;
    }

    private static boolean inActor(List<Evidence> evidence, int start, int end) {
        for (Evidence e : evidence) {
            if ("actor".equals(e.kind()) && start < e.end() && end > e.start()) {
                return true;
            }
        }
        return false;
    }

    /** Lower case without accents, so that "Élysée" and "Elysee" meet. */
    private static String fold(String word) {
        if (ascii(word)) {
            return word.toLowerCase(Locale.ROOT);
        }
        return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static boolean ascii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
