package io.newsmonitor.processor.classify;

import io.newsmonitor.model.ActorType;
import io.newsmonitor.processor.taxonomy.ActorTerm;
import io.newsmonitor.processor.taxonomy.MentionForm;
import io.newsmonitor.text.PhraseMatcher;
import io.newsmonitor.text.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an adjective of nationality ({@code français}, {@code German}, {@code US} before a noun) names a state
 * acting or only describes something. "La start-up française Mistral AI", "US tech firms" or "an official of Italian
 * nationality" say where a company or person comes from: by docs/labelling.md that never makes the country an actor.
 * "Le gouvernement français", "the German Chancellor", "the Indian side" do: the adjective qualifies the state, its
 * office holders or its representatives. So an adjective counts only next to such a word (a few tokens either side,
 * within the sentence), or in a compound of two countries ({@code deutsch-französisch}).
 */
final class NationalityCue {

    /** Words (folded, unstemmed) for a state, its offices and office holders, in fr, en, de, it and es. */
    private static final Set<String> STATE_WORDS = Set.of(
            "gouvernement", "gouvernements", "government", "governments", "regierung", "bundesregierung",
            "ministre", "ministres", "minister", "ministers", "ministerin", "ministere", "ministry", "ministerium",
            "president", "presidente", "presidence", "presidency", "prasident", "prasidentin", "prasidentschaft",
            "premier", "prime", "chancellor", "chancelier", "chanceliere", "kanzler", "kanzlerin", "bundeskanzler",
            "ambassade", "embassy", "botschaft", "ambassadeur", "ambassador", "botschafter",
            "etat", "state", "staat", "authorities", "autorites", "behorden", "administration",
            "delegation", "delegationen", "side", "partie", "seite", "counterpart", "counterparts", "homologue",
            "homologues", "amtskollege", "amtskollegin", "officials", "responsable", "responsables", "ambassadrice",
            "representative", "representant", "vertreter", "envoy", "envoye", "republique", "republic",
            "republik", "federal", "bund", "king", "roi", "konig", "prince", "secretary", "secretaire",
            "parliament", "parlement", "parlament", "presidential", "presidentielle", "agence", "agency",
            "agentur", "autorite", "authority", "reglement", "regulation", "verordnung", "directive", "richtlinie",
            "loi", "law", "gesetz", "rule", "regle",
            // it, es
            "governo", "governi", "gobierno", "gobiernos", "ministro", "ministra", "ministri", "ministros",
            "ministero", "ministerio", "presidenza", "presidencia", "stato", "estado", "autorita", "autoridades",
            "ambasciata", "embajada", "ambasciatore", "embajador", "delegazione", "delegacion", "omologo", "omologa",
            "homologo", "homologa", "repubblica", "republica", "parlamento", "agenzia", "agencia", "cancelliere",
            "canciller", "legge", "ley", "regolamento", "reglamento");
    /** Words that follow a country acronym used as a noun ("the US and China", "US has signed"). */
    private static final Set<String> FUNCTION_WORDS = Set.of("and", "et", "und", "or", "ou", "oder", "has", "have",
            "is", "was", "will", "would", "to", "a", "hat", "ist", "wird", "est", "sont", "ont", "with",
            "avec", "mit", "in", "on", "for", "pour", "fur", "of", "de", "des", "du", "the", "le", "la", "les", "die",
            "der", "das", "den", "signed", "signe", "signs", "agreed", "could", "can", "also", "aussi",
            "auch", "are", "sind", "haben", "had", "as", "at", "by", "par", "von", "vom", "zu", "au", "aux",
            "e", "y", "o", "con", "per", "ha", "han", "hanno", "del", "della", "el", "il", "lo", "los", "las");
    /** Tokens either side searched for a state word. */
    private static final int WINDOW = 3;

    private NationalityCue() {
    }

    /** Whether a matched country or group term only describes (see the class comment), so it is no mention. */
    static boolean onlyDescribes(List<Token> tokens, PhraseMatcher.Match<ActorTerm> m) {
        ActorTerm term = m.value();
        if (term.actor().type() != ActorType.COUNTRY && term.actor().type() != ActorType.GROUP) {
            return false;
        }
        boolean attributive = term.form() == MentionForm.ADJECTIVE
                || term.form() == MentionForm.ACRONYM && term.actor().type() == ActorType.COUNTRY
                && attributiveAcronym(tokens, m.lastToken());
        return attributive && !compound(tokens, m) && !nearStateWord(tokens, m);
    }

    /**
     * "US tech firms", "US-Cloud-Anbieter": the acronym qualifies the next word. Not a pair of acronyms
     * ("UAE-US AI campus"), which names both countries.
     */
    private static boolean attributiveAcronym(List<Token> tokens, int last) {
        if (tokens.get(last).hyphenAfter()) {
            return last + 1 >= tokens.size() || !isAcronym(tokens.get(last + 1).raw());
        }
        if (last + 1 >= tokens.size() || tokens.get(last + 1).boundaryBefore()) {
            return false;
        }
        String next = tokens.get(last + 1).raw();
        return Character.isLowerCase(next.charAt(0)) && !FUNCTION_WORDS.contains(next.toLowerCase(Locale.ROOT));
    }

    private static boolean isAcronym(String raw) {
        return raw.length() >= 2 && raw.chars().allMatch(c -> Character.isUpperCase(c) || c == '.');
    }

    /** "franco-allemand", "German-Canadian": a compound of countries names both as parties. */
    private static boolean compound(List<Token> tokens, PhraseMatcher.Match<ActorTerm> m) {
        boolean hyphenBefore = m.firstToken() > 0 && tokens.get(m.firstToken() - 1).hyphenAfter();
        return m.value().form() == MentionForm.ADJECTIVE && (hyphenBefore || tokens.get(m.lastToken()).hyphenAfter());
    }

    private static boolean nearStateWord(List<Token> tokens, PhraseMatcher.Match<ActorTerm> m) {
        for (int i = m.firstToken() - 1; i >= Math.max(0, m.firstToken() - WINDOW); i--) {
            if (isStateWord(tokens.get(i))) {
                return true;
            }
            if (tokens.get(i).boundaryBefore()) {
                break;
            }
        }
        for (int i = m.lastToken() + 1; i < Math.min(tokens.size(), m.lastToken() + 1 + WINDOW); i++) {
            if (tokens.get(i).boundaryBefore()) {
                break;
            }
            if (isStateWord(tokens.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** A state word, also inside a German compound ({@code Digitalminister}, {@code Handelsministeriums}). */
    private static boolean isStateWord(Token t) {
        String f = t.folded();
        return STATE_WORDS.contains(f) || f.contains("minister") || f.contains("regierung")
                || f.endsWith("kanzler") || f.contains("behorde");
    }
}
