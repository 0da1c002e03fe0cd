package io.newsmonitor.processor.classify;

import io.newsmonitor.processor.taxonomy.Actor;
import io.newsmonitor.text.TextAnalyzer;
import io.newsmonitor.text.Token;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises names of organisations that {@code config/actors.yaml} does not list, by the ways press releases name an
 * organisation, never from capitals alone:
 *
 * <ul>
 *   <li>an institution word with its proper-name complement: "Université de Montréal", "University of Edinburgh",
 *       "Institut für Informatik", "Centre for the Fourth Industrial Revolution", "Universität Stuttgart"; a French
 *       complement in lower case only when it ends with a proper name ("Faculté des sciences de Bizerte") or the name
 *       is followed by its own initials ("École nationale d'administration (ENA)");</li>
 *   <li>capitalised words ending with a legal form or a kind word: "Aleph Alpha GmbH", "Mistral AI SAS", "KI
 *       Bundesverband e.V.", "Black Forest Labs", "Inovia Capital", "Alan Turing Institute", "Hasso-Plattner-Institut";
 *       </li>
 *   <li>a kind word in apposition: "la start-up française Pasqal", "the AI startup Anthropic", "das Start-up Polarise",
 *       "die Firma Bosch", "data centre partner Polarise" before the name, "Polarise, a Munich-based company"
 *       after it.</li>
 * </ul>
 *
 * What it does not recognise, because that would cost precision: a name the dictionary already covers (the caller
 * passes its spans), a capitalised word that opens a sentence and that the text also writes in lower case or that is
 * a function word ("Today", "Le", "Die"), months and weekdays, people (no kind word follows them), and titles written
 * in title case ("Stanford University Partners With..."), where every word looks like a name. Ministries and
 * departments are left out too: by docs/labelling.md they stand for their country, and a ministry of unknown country
 * would pair with that very country as a false cooperation.
 *
 * <p>Every further occurrence of a recognised name in the text ("Pasqal" alone, later) is a mention of it too.
 * Thread-safe (stateless).
 */
final class OrganisationNames {

    /**
     * One occurrence of a recognised organisation.
     *
     * @param id    {@link Actor#UNLISTED_PREFIX} and the name's lower-case slug ({@code unlisted-inovia-capital})
     * @param name  the name as first written
     * @param term  this occurrence as written
     * @param start offset of its first character
     * @param end   offset after its last character
     */
    record Occurrence(String id, String name, String term, int start, int end) {
    }

    /** Words that name a kind of institution and head its name ({@code University of ...}, {@code Institut für}). */
    private static final Set<String> HEADS = Set.of("universite", "university", "universitat", "universidad",
            "universita", "institut", "institute", "instituto", "istituto", "centre", "center", "zentrum", "centro",
            "faculte", "faculty", "ecole", "school", "hochschule", "academy", "academie", "akademie", "accademia",
            "fondation", "foundation", "stiftung", "fundacion", "fondazione", "association", "verband", "federation",
            "college", "laboratoire", "laboratory", "chambre", "chamber", "kammer", "agence", "agency", "agentur");
    /** Heads that in French, German, Italian and Spanish take the proper name directly ("Universität Stuttgart"). */
    private static final Set<String> HEADS_WITH_DIRECT_NAME = Set.of("universite", "universitat", "universidad",
            "universita", "institut", "instituto", "istituto", "fondation", "stiftung", "hochschule", "fundacion",
            "fondazione");
    /** Heads that also end a name ("Alan Turing Institute", "Stanford University", "Hasso-Plattner-Institut"). */
    private static final Set<String> HEADS_ENDING_NAMES = Set.of("university", "universitat", "institute",
            "institut", "foundation", "stiftung", "academy", "akademie", "hochschule", "verband", "association");
    /** Legal forms, as written (case matters: "AG", not "ag"). */
    private static final Set<String> LEGAL_FORMS = Set.of("GmbH", "AG", "SE", "SA", "S.A", "SAS", "SARL", "Inc",
            "Ltd", "plc", "PLC", "LLC", "e.V", "KGaA", "SpA", "S.p.A", "SRL", "S.L", "Corp", "Corporation", "Holding",
            "Holdings");
    /** Kind words that end a company's or fund's name, capitalised ("Black Forest Labs", "Thomvest Ventures"). */
    private static final Set<String> KIND_SUFFIXES = Set.of("labs", "technologies", "capital", "ventures",
            "partners", "robotics", "semiconductor", "semiconductors", "therapeutics", "resources", "petroleum",
            "airways", "airlines", "aerospace", "systems", "solutions", "networks", "industries", "pharmaceuticals",
            "motors", "investments");
    /**
     * Kind words (folded; hyphenated ones as their parts) that stand in apposition to a company's name; "partner"
     * too, which press releases put before the name of the partner they introduce.
     */
    private static final List<List<String>> KIND_WORDS = List.of(List.of("start", "up"), List.of("startup"),
            List.of("scale", "up"), List.of("entreprise"), List.of("societe"), List.of("firme"), List.of("fonds"),
            List.of("company"), List.of("firm"), List.of("fund"), List.of("firma"), List.of("unternehmen"),
            List.of("konzern"), List.of("unicorn"), List.of("licorne"), List.of("chipmaker"), List.of("empresa"),
            List.of("azienda"), List.of("societa"), List.of("partner"), List.of("partenaire"));
    /** Words that join the parts of a name ("University of", "Institut für", "Faculté des sciences de"). */
    private static final Set<String> CONNECTORS = Set.of("of", "for", "de", "du", "des", "fur", "der", "di", "del",
            "della", "dei", "degli", "en");
    /** Conjunctions that join two names, or two words of one name's complement ("Information and Communication"). */
    private static final Set<String> CONJUNCTIONS = Set.of("and", "et", "und", "y", "e", "&");
    /** Words that follow a connector before the rest of the name ("Centre for the...", "Institut de la..."). */
    private static final Set<String> ARTICLES_AFTER_CONNECTOR = Set.of("the", "la", "l", "les");
    /** French adjectives between a head and its complement ("École nationale d'...", "Institut supérieur de"). */
    private static final Set<String> HEAD_ADJECTIVES = Set.of("national", "nationale", "superieur", "superieure",
            "federal", "federale", "international", "internationale", "europeen", "europeenne", "polytechnique",
            "technique", "technologique", "central", "centrale", "normale", "public", "publique", "royal", "royale");
    /** Lower-case words of a French complement ("des sciences de"), before its closing proper name. */
    private static final int MAX_LOWER_COMPLEMENT = 3;
    /** Capitalised words a name may have on either side of its head or kind word. */
    private static final int MAX_NAME_WORDS = 5;
    /** Capitalised words an apposed name may have ("la start-up X Y Z"). */
    private static final int MAX_APPOSED_WORDS = 4;
    /** Words between the article and the kind word of a following apposition ("a Munich-based AI startup"). */
    private static final int MAX_APPOSITION_MODIFIERS = 4;
    /** Capitalised words that are no name: determiners, pronouns, conjunctions, months, weekdays (folded). */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "this", "that", "these", "those", "its",
            "their", "our", "his", "her", "le", "la", "les", "l", "un", "une", "des", "du", "ce", "cet", "cette",
            "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "der", "die", "das", "den", "dem", "ein",
            "eine", "einen", "einem", "einer", "dieser", "diese", "dieses", "sein", "seine", "ihr", "ihre", "unser",
            "unsere", "il", "lo", "gli", "el", "los", "las", "and", "et", "und", "but", "mais", "aber", "with",
            "avec", "mit", "for", "pour", "in", "en", "im", "au", "aux", "on", "sur", "auf", "by", "par", "von",
            "vom", "as", "comme", "als", "at", "to", "from", "after", "apres", "nach", "new", "all", "tous", "alle",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
            "septembre", "octobre", "novembre", "decembre", "januar", "februar", "marz", "juni", "juli", "oktober",
            "dezember", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi",
            "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "montag", "dienstag", "mittwoch",
            "donnerstag", "freitag", "samstag", "sonntag", "anfang", "mitte", "ende", "jahr", "woche", "euro",
            "euros", "dollar", "dollars", "millionen", "milliarden");
    /** Articles that open an apposition after a name ("X, a startup", "X, une start-up", "X, ein Start-up"). */
    private static final Set<String> APPOSITION_ARTICLES = Set.of("a", "an", "the", "un", "une", "le", "la", "l",
            "ein", "eine", "das", "die", "der", "uno", "una", "il");
    /** Words that may follow the kind word of an apposition, which must close its phrase ("a startup based in"). */
    private static final Set<String> AFTER_APPOSITION = Set.of("based", "founded", "that", "which", "from", "in",
            "with", "specialising", "specializing", "qui", "basee", "base", "fondee", "specialisee", "de", "du",
            "aus", "mit", "die", "das", "der", "backed", "valued", "whose", "dont", "soutenue", "et", "and",
            "und");
    /** Articles and determiners before a kind word written with a capital ("das Münchner Start-up"). */
    private static final Set<String> DETERMINERS = Set.of("das", "die", "der", "dem", "den", "des", "ein", "eine",
            "einem", "einer", "eines", "dieses", "diese", "the", "a", "an", "la", "le", "l", "une", "un");
    /** Tokens before a capitalised kind word searched for a determiner. */
    private static final int DETERMINER_REACH = 3;
    /**
     * German common nouns by their suffixes ("Vernetzung", "Sicherheit", "Anwendungen"): a capitalised German word
     * after a kind word is a name only when it is not one of them.
     */
    private static final List<String> GERMAN_COMMON_NOUN_SUFFIXES = List.of("ung", "ungen", "heit", "heiten", "keit",
            "keiten", "schaft", "schaften", "tion", "tionen", "tät", "täten", "ismus", "nis", "nisse", "ik", "ie", "ien");
    /** French and Italian elided words ({@code l'}, {@code dell'}), lower-cased, without their apostrophe. */
    private static final Set<String> ELIDED = Set.of("l", "d", "qu", "dell", "dall", "nell", "sull", "all");
    /** The longest elided word, apostrophe included. */
    private static final int ELISION_REACH = 5;
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    /** Share of a title's long words written with a capital from which the title is in title case. */
    private static final double TITLE_CASE_SHARE = 0.8;

    private OrganisationNames() {
    }

    /**
     * What the dictionary matched, token by token.
     *
     * @param names      tokens of an organisation, group or person match: a recognised name never touches one, the
     *                   dictionary knows that organisation already
     * @param countries  tokens of a country match: a recognised name may hold one ("University of Tirana", "UK AI
     *                   Safety Institute") but never be one alone
     * @param describing adjectives of nationality that only describe ("la start-up <em>française</em> Pasqal"),
     *                   which an apposition steps over
     */
    record Known(boolean[] names, boolean[] countries, boolean[] describing) {

        /** Nothing known yet about a text of {@code tokens} tokens. */
        Known(int tokens) {
            this(new boolean[tokens], new boolean[tokens], new boolean[tokens]);
        }

        /** Whether a span of tokens may be a recognised organisation's. */
        boolean leaves(int[] span) {
            boolean onlyCountries = true;
            for (int k = span[0]; k <= span[1]; k++) {
                if (names[k]) {
                    return false;
                }
                onlyCountries &= countries[k];
            }
            return !onlyCountries;
        }
    }

    /**
     * The organisations a text names that the dictionary does not know, in text order.
     *
     * @param text        the cleaned text
     * @param tokens      its tokens
     * @param titleLength characters of the title at the start of the text
     * @param known       what the dictionary matched
     */
    static List<Occurrence> find(String text, List<Token> tokens, int titleLength, Known known) {
        Text t = new Text(text, tokens, skippedTitle(tokens, titleLength), lowerCaseWords(tokens));
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            spans.add(t.headed(i));
            spans.add(t.suffixed(i));
            spans.add(t.appositionBefore(i, known.describing()));
            spans.add(t.appositionAfter(i));
        }
        List<int[]> names = longestFirst(spans.stream().filter(s -> s != null && known.leaves(s)).toList());
        return occurrences(t, names, known);
    }

    /** Whether an id is that of a recognised organisation rather than of a dictionary actor. */
    static boolean isRecognised(String actorId) {
        return actorId.startsWith(Actor.UNLISTED_PREFIX);
    }

    /**
     * {@link Actor#UNLISTED_PREFIX} and the lower-case slug of a name: accents and punctuation folded, words
     * hyphenated.
     */
    static String idOf(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return Actor.UNLISTED_PREFIX + NOT_SLUG.matcher(folded).replaceAll("-").replaceAll("^-|-$", "");
    }

    /** Non-overlapping spans, the longest kept where two overlap. */
    private static List<int[]> longestFirst(List<int[]> spans) {
        List<int[]> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt((int[] s) -> s[0] - s[1]).thenComparingInt(s -> s[0]));
        List<int[]> kept = new ArrayList<>();
        for (int[] s : sorted) {
            if (kept.stream().noneMatch(k -> s[0] <= k[1] && k[0] <= s[1])) {
                kept.add(s);
            }
        }
        return kept;
    }

    /** Each recognised name, at its recognised places and wherever else the text writes the same words. */
    private static List<Occurrence> occurrences(Text t, List<int[]> names, Known known) {
        Map<List<String>, String> nameByWords = new LinkedHashMap<>();
        names.stream().sorted(Comparator.comparingInt(s -> s[0]))
                .forEach(s -> nameByWords.putIfAbsent(t.words(s), t.surface(s)));
        boolean[] taken = new boolean[t.tokens.size()];
        List<Occurrence> found = new ArrayList<>();
        nameByWords.entrySet().stream().sorted(Comparator.comparingInt(e -> -e.getKey().size())).forEach(e -> {
            int n = e.getKey().size();
            for (int i = 0; i + n <= t.tokens.size(); i++) {
                int[] span = {i, i + n - 1};
                if (t.words(span).equals(e.getKey()) && known.leaves(span) && !t.touches(span, taken)) {
                    for (int k = i; k < i + n; k++) {
                        taken[k] = true;
                    }
                    found.add(new Occurrence(idOf(e.getValue()), e.getValue(), t.surface(span), t.start(i),
                            t.end(i + n - 1)));
                }
            }
        });
        found.sort(Comparator.comparingInt(Occurrence::start));
        return found;
    }

    /**
     * Whether the title is left alone: English titles capitalise every word, so that in them every run of words
     * looks like a name. The title counts as title case when four in five of its words of four letters or more are
     * capitalised (a French or German title with two names in it stays well below).
     */
    private static int skippedTitle(List<Token> tokens, int titleLength) {
        long words = tokens.stream().filter(t -> t.start() < titleLength && t.raw().length() >= 4).count();
        long capitalised = tokens.stream().filter(t -> t.start() < titleLength && t.raw().length() >= 4
                && Character.isUpperCase(t.raw().charAt(0))).count();
        return words > 0 && capitalised >= TITLE_CASE_SHARE * words ? titleLength : 0;
    }

    /** The words the text writes in lower case somewhere: their capitalised form opening a sentence is no name. */
    private static Set<String> lowerCaseWords(List<Token> tokens) {
        Set<String> lower = new HashSet<>();
        for (Token t : tokens) {
            String word = word(t);
            if (!word.isEmpty() && Character.isLowerCase(word.charAt(0))) {
                lower.add(t.folded());
            }
        }
        return lower;
    }

    /**
     * A token as written, without a French or Italian elision ({@code l'Université} is {@code Université}). Asked
     * several times of every token, so without a regular expression: they were a tenth of the classification.
     */
    private static String word(Token t) {
        String raw = t.raw();
        for (int i = 1; i < Math.min(raw.length(), ELISION_REACH); i++) {
            char c = raw.charAt(i);
            if (c == '\'' || c == '\u2019') {
                return ELIDED.contains(raw.substring(0, i).toLowerCase(Locale.ROOT)) ? raw.substring(i + 1) : raw;
            }
        }
        return raw;
    }

    /** A German common noun by its suffix ("Vernetzung", "Sicherheit", "Anwendungen"). */
    private static boolean germanCommonNoun(String word) {
        for (String suffix : GERMAN_COMMON_NOUN_SUFFIXES) {
            if (word.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }


    /** The text being read, with the questions the patterns ask of its tokens. */
    private record Text(String text, List<Token> tokens, int skippedUpTo, Set<String> lowerCase) {

        /** An institution word with a name before it, after it or both ("Austrian Institute of Technology"). */
        int[] headed(int i) {
            Token head = tokens.get(i);
            if (!HEADS.contains(head.folded()) || !capitalised(i)) {
                return null;
            }
            int first = HEADS_ENDING_NAMES.contains(head.folded()) ? leftName(i) : i;
            int last = complement(i);
            if (last == i && HEADS_WITH_DIRECT_NAME.contains(head.folded())) {
                last = rightName(i);
            }
            return first == i && last == i ? null : checked(first, last);
        }

        /** Capitalised words ending with a legal form or a kind word ("Aleph Alpha GmbH", "Inovia Capital"). */
        int[] suffixed(int i) {
            Token t = tokens.get(i);
            boolean legal = LEGAL_FORMS.contains(t.raw());
            boolean kind = capitalised(i) && KIND_SUFFIXES.contains(t.folded());
            if (!legal && !kind) {
                return null;
            }
            int first = leftName(i);
            return first == i ? null : checked(first, i);
        }

        /** A kind word and the name it introduces ("la start-up française Pasqal", "die Firma Bosch"). */
        int[] appositionBefore(int i, boolean[] describing) {
            int kindEnd = kindWordAt(i);
            if (kindEnd < 0 || kindEnd + 1 >= tokens.size() || tokens.get(kindEnd).hyphenAfter()
                    || capitalised(i) && !determinerBefore(i)) {
                return null;
            }
            int first = kindEnd + 1;
            while (first < tokens.size() && describing[first] && joined(first - 1, first)) {
                first++;
            }
            if (first >= tokens.size() || !joined(first - 1, first) || !nameWord(first)
                    || !word(tokens.get(first)).equals(tokens.get(first).raw())) {
                return null;
            }
            int last = first;
            while (last + 1 < tokens.size() && last + 1 - first < MAX_APPOSED_WORDS && joined(last, last + 1)
                    && nameWord(last + 1) && !possessive(last)) {
                last++;
            }
            return capitalised(i) && germanCommonNoun(word(tokens.get(last))) ? null
                    : checked(first, last);
        }

        /**
         * Whether an article or determiner comes shortly before a capitalised kind word: German capitalises every
         * noun, so "mit Unternehmen KI-Anwendungen" is a plural and a noun, "das Unternehmen Aleph Alpha" a name.
         */
        private boolean determinerBefore(int kind) {
            for (int k = kind - 1; k >= Math.max(0, kind - DETERMINER_REACH); k--) {
                if (DETERMINERS.contains(tokens.get(k).folded())) {
                    return true;
                }
                if (!joined(k, k + 1)) {
                    return false;
                }
            }
            return false;
        }

        /** A name followed by an apposition that ends with a kind word ("Polarise, a Munich-based startup,"). */
        int[] appositionAfter(int i) {
            Token t = tokens.get(i);
            if (!nameWord(i) || i + 2 >= tokens.size() || !text.substring(t.end(), tokens.get(i + 1).start())
                    .strip().equals(",") || !APPOSITION_ARTICLES.contains(tokens.get(i + 1).folded())) {
                return null;
            }
            for (int k = i + 2; k <= Math.min(tokens.size() - 1, i + 1 + MAX_APPOSITION_MODIFIERS); k++) {
                if (!joined(k - 1, k) || CONNECTORS.contains(tokens.get(k).folded())) {
                    return null;
                }
                int kindEnd = kindWordAt(k);
                if (kindEnd >= 0) {
                    return closesPhrase(kindEnd) ? checked(leftName(i), i) : null;
                }
            }
            return null;
        }

        /** The last token of the kind word starting at {@code i}, or -1. */
        private int kindWordAt(int i) {
            for (List<String> kind : KIND_WORDS) {
                int last = i + kind.size() - 1;
                if (last < tokens.size() && matches(kind, i)) {
                    return last;
                }
            }
            return -1;
        }

        private boolean matches(List<String> kind, int from) {
            for (int k = 0; k < kind.size(); k++) {
                if (!tokens.get(from + k).folded().equals(kind.get(k))
                        || k + 1 < kind.size() && !tokens.get(from + k).hyphenAfter()) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the kind word ends its phrase: punctuation, the end, or a preposition or relative follows. */
        private boolean closesPhrase(int kindEnd) {
            return kindEnd + 1 >= tokens.size() || !joined(kindEnd, kindEnd + 1)
                    || AFTER_APPOSITION.contains(tokens.get(kindEnd + 1).folded());
        }

        /** The first token of the run of name words that ends at {@code i}: {@code i} when none comes before. */
        private int leftName(int i) {
            int first = i;
            while (first > 0 && i - first < MAX_NAME_WORDS && joined(first - 1, first) && nameWord(first - 1)
                    && !possessive(first - 1)) {
                first--;
            }
            return first;
        }

        /** The last token of the run of name words that starts after {@code i}: {@code i} when none follows. */
        private int rightName(int i) {
            int last = i;
            while (last + 1 < tokens.size() && last - i < MAX_NAME_WORDS && joined(last, last + 1)
                    && nameWord(last + 1)) {
                last++;
            }
            return last;
        }

        /**
         * The last token of a head's complement: connectors, each followed by capitalised words ("of Edinburgh",
         * "for the Fourth Industrial Revolution"); in French, head adjectives and lower-case words too, when a
         * proper name closes them ("des sciences de Bizerte") or the name's initials follow it in brackets ("nationale
         * d'administration (ENA)"). {@code head} when there is none.
         */
        private int complement(int head) {
            int last = head;
            int k = head + 1;
            while (k < tokens.size() && HEAD_ADJECTIVES.contains(tokens.get(k).folded()) && joined(k - 1, k)) {
                k++;
            }
            int lower = 0;
            while (k < tokens.size() && joined(k - 1, k)) {
                Token t = tokens.get(k);
                if (CONNECTORS.contains(t.folded()) || ARTICLES_AFTER_CONNECTOR.contains(t.folded())
                        && CONNECTORS.contains(tokens.get(k - 1).folded())) {
                    k++;
                } else if (nameWord(k) && afterConnector(k) || elidedName(t)) {
                    last = rightName(k);
                    k = last + 1;
                    lower = 0;
                } else if (Character.isLowerCase(word(t).charAt(0)) && lower < MAX_LOWER_COMPLEMENT
                        && (afterConnector(k) || !word(t).equals(t.raw()))) {
                    lower++;
                    k++;
                    if (initialsFollow(head, k - 1)) {
                        return k - 1;
                    }
                } else {
                    break;
                }
            }
            return last;
        }

        /** Whether a connector or the article after one comes right before token {@code k} ("of the Fourth"). */
        private boolean afterConnector(int k) {
            String previous = tokens.get(k - 1).folded();
            return CONNECTORS.contains(previous) || ARTICLES_AFTER_CONNECTOR.contains(previous);
        }

        /** "d'Informatique": a capitalised word after an elision. */
        private boolean elidedName(Token t) {
            String word = word(t);
            return !word.equals(t.raw()) && !word.isEmpty() && Character.isUpperCase(word.charAt(0));
        }

        /** Whether "(ABC)" follows token {@code last}, ABC being the initials of the name's words from {@code head}. */
        private boolean initialsFollow(int head, int last) {
            if (last + 1 >= tokens.size()) {
                return false;
            }
            Token next = tokens.get(last + 1);
            String between = text.substring(tokens.get(last).end(), next.start()).strip();
            if (!between.equals("(") || !next.raw().chars().allMatch(Character::isUpperCase)) {
                return false;
            }
            StringBuilder initials = new StringBuilder();
            for (int k = head; k <= last; k++) {
                Token t = tokens.get(k);
                if (!CONNECTORS.contains(t.folded()) && !ARTICLES_AFTER_CONNECTOR.contains(t.folded())) {
                    initials.append(Character.toUpperCase(word(t).charAt(0)));
                }
            }
            return Normalizer.normalize(initials, Normalizer.Form.NFD).replaceAll("\\p{M}", "").equals(next.raw());
        }

        /**
         * The span with an ordinary word opening its sentence dropped, or {@code null} when nothing is left or the
         * span is the tail of a longer name ("Future of <em>Quantum Technologies</em>", "Information and
         * <em>Communication Technologies</em>").
         */
        private int[] checked(int first, int last) {
            if (tokens.get(first).start() < skippedUpTo || tailOfLongerName(first)) {
                return null;
            }
            int from = first;
            while (from <= last && ordinaryOpening(from)) {
                from++;
            }
            return from > last ? null : new int[] {from, last};
        }

        /**
         * Whether the name starting at {@code first} continues a longer one: it follows a capitalised word and a
         * connector ("Future of Quantum Technologies"), or a conjunction inside such a complement ("Ministry of
         * Information and Communication Technologies"). After a lower-case word and a connector ("avec le soutien de
         * Lightspeed Venture Partners"), or a conjunction in a list of names ("SentinelOne and Thomvest Ventures"), it
         * stands alone.
         */
        private boolean tailOfLongerName(int first) {
            int k = first - 1;
            if (k < 1 || !joined(k, first)) {
                return false;
            }
            if (CONJUNCTIONS.contains(tokens.get(k).folded())) {
                k--;
                while (k > 1 && capitalised(k) && joined(k - 1, k)) {
                    k--;
                }
                if (k == first - 2) {
                    return false;
                }
            }
            return CONNECTORS.contains(tokens.get(k).folded()) && joined(k - 1, k) && capitalised(k - 1);
        }

        /** "Today", "Meanwhile", "Die": a capitalised word opening a sentence that the text also writes lower-case. */
        private boolean ordinaryOpening(int i) {
            return (i == 0 || tokens.get(i).boundaryBefore() || openingAfterQuote(i))
                    && lowerCase.contains(tokens.get(i).folded());
        }

        private boolean openingAfterQuote(int i) {
            return i > 0 && text.substring(tokens.get(i - 1).end(), tokens.get(i).start()).contains("\"");
        }

        /** A capitalised token or acronym that may belong to a name. */
        private boolean nameWord(int i) {
            return capitalised(i) && !NOT_NAMES.contains(tokens.get(i).folded()) && !ordinaryOpening(i);
        }

        /** "Canada's": a possessive ends a phrase, so no name runs through it. */
        private boolean possessive(int i) {
            Token t = tokens.get(i);
            return t.end() - t.start() > t.raw().length();
        }

        private boolean capitalised(int i) {
            String word = word(tokens.get(i));
            return !word.isEmpty() && (Character.isUpperCase(word.charAt(0)) || Character.isDigit(word.charAt(0))
                    && word.chars().anyMatch(Character::isUpperCase));
        }

        /**
         * Whether two neighbouring tokens are parts of one phrase: only spaces, a hyphen or "&" between them, or the
         * final dot of a dotted abbreviation ("U.S. AI Safety Institute"), which the tokenizer leaves out of it.
         */
        private boolean joined(int a, int b) {
            String between = text.substring(tokens.get(a).end(), tokens.get(b).start());
            if (TextAnalyzer.isDottedAbbreviation(tokens.get(a).raw()) && between.equals(". ")) {
                return true;
            }
            return !tokens.get(b).boundaryBefore()
                    && between.chars().allMatch(c -> c == ' ' || c == '-' || c == '&' || c == '\u2011');
        }

        /** Whether a span touches a marked token. */
        boolean touches(int[] span, boolean[] marked) {
            for (int k = span[0]; k <= span[1]; k++) {
                if (marked[k]) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The words of a span as written, to find the name again elsewhere: with their capitals, so that "Orbit" the
         * company is not "orbit" the noun.
         */
        List<String> words(int[] span) {
            return tokens.subList(span[0], span[1] + 1).stream().map(OrganisationNames::word).toList();
        }

        /** A span as written, from its first word (without elision) to its last. */
        String surface(int[] span) {
            return text.substring(start(span[0]), end(span[1]));
        }

        /** Where token {@code i}'s word starts, after an elision. */
        int start(int i) {
            Token t = tokens.get(i);
            return t.start() + t.raw().length() - word(t).length();
        }

        /** Where token {@code i}'s word ends, before a possessive. */
        int end(int i) {
            return tokens.get(i).start() + tokens.get(i).raw().length();
        }
    }
}
