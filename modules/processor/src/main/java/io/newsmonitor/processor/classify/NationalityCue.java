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
 * within the sentence), or in a compound of two countries ({@code deutsch-französisch}; not {@code US-amerikanisch},
 * one country twice). An adjective, compound or combining form right next to a word for a company, a fund or a
 * researcher ("la start-up germano-franco-britannique Helsing", "chinesischen Plattformen") describes whatever it
 * is. A combining form joined to a sea or an ocean ({@code Indo-Pacifique}) names a region, not a state.
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
    /**
     * Words (folded) for companies, funds, platforms and researchers in fr, en, de, it and es: a nationality next to
     * one of them says where it comes from.
     */
    private static final Set<String> COMPANY_WORDS = Set.of(
            "startup", "startups", "entreprise", "entreprises", "societe", "societes", "groupe", "groupes",
            "company", "companies", "firm", "firms", "firme", "firmes", "group", "groups", "unternehmen", "konzern",
            "konzerne", "firma", "firmen", "investor", "investors", "investoren", "investisseur", "investisseurs",
            "fonds", "fund", "funds", "bank", "banks", "banque", "banques", "platform", "platforms", "plateforme",
            "plateformes", "plattform", "plattformen", "licorne", "licornes", "unicorn", "unicorns", "geant",
            "geants", "giant", "giants", "editeur", "editeurs", "operator", "operators", "operateur", "operateurs",
            "pepite", "pepites", "champion", "champions", "researcher", "researchers", "chercheur", "chercheurs",
            "chercheuse", "chercheuses", "forscher", "forscherin", "forschende", "azienda", "aziende", "societa",
            "empresa", "empresas", "investigador", "investigadores", "ricercatore", "ricercatori");
    /** Seas and oceans a combining form joins to name a region ({@code Indo-Pacific}, {@code euro-atlantique}). */
    private static final Set<String> REGION_WORDS = Set.of("pacifique", "pacific", "pazifik", "pacifico",
            "atlantique", "atlantic", "atlantik", "atlantico", "mediterranee", "mediterranean", "mittelmeer",
            "mediterraneo");
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

    /**
     * Whether a matched country or group term only describes (see the class comment), so it is no mention.
     *
     * @param all every actor term matched in the text, to tell a compound of two countries from one of one
     */
    static boolean onlyDescribes(List<Token> tokens, String text, PhraseMatcher.Match<ActorTerm> m,
                                 List<PhraseMatcher.Match<ActorTerm>> all) {
        ActorTerm term = m.value();
        if (!isState(term)) {
            return false;
        }
        boolean attributive = term.form() == MentionForm.ADJECTIVE
                || term.form() == MentionForm.ACRONYM && term.actor().type() == ActorType.COUNTRY
                && attributiveAcronym(tokens, m.lastToken());
        if (term.form() == MentionForm.PREFIX) {
            return joinedTo(tokens, m.lastToken(), REGION_WORDS) || nextToCompanyWord(tokens, m, text);
        }
        if (attributive && nextToCompanyWord(tokens, m, text)) {
            return true;
        }
        return attributive && !compound(tokens, m, all) && !nearStateWord(tokens, m);
    }

    private static boolean isState(ActorTerm term) {
        return term.actor().type() == ActorType.COUNTRY || term.actor().type() == ActorType.GROUP;
    }

    /** Whether the token after {@code last}, joined to it by a hyphen, is one of {@code words}. */
    private static boolean joinedTo(List<Token> tokens, int last, Set<String> words) {
        return tokens.get(last).hyphenAfter() && last + 1 < tokens.size()
                && words.contains(tokens.get(last + 1).folded());
    }

    /**
     * Whether the hyphenated compound the term is part of (or the term alone) stands right next to a company word:
     * "start-up germano-franco-britannique", "chinesischen Plattformen", "Abu Dhabi investor" (a capital, there).
     */
    static boolean nextToCompanyWord(List<Token> tokens, PhraseMatcher.Match<ActorTerm> m, String text) {
        int first = m.firstToken();
        while (first > 0 && tokens.get(first - 1).hyphenAfter()) {
            first--;
        }
        int last = m.lastToken();
        while (last + 1 < tokens.size() && tokens.get(last).hyphenAfter()) {
            last++;
        }
        boolean before = first > 0 && onlySpaceBetween(tokens, first - 1, text) && companyWord(tokens, first - 1);
        boolean after = last + 1 < tokens.size() && onlySpaceBetween(tokens, last, text)
                && companyWord(tokens, last + 1);
        return before || after;
    }

    /** Whether only spaces or a hyphen lie between token {@code i} and the next ("firms, German officials" no). */
    private static boolean onlySpaceBetween(List<Token> tokens, int i, String text) {
        for (int c = tokens.get(i).end(); c < tokens.get(i + 1).start(); c++) {
            char ch = text.charAt(c);
            if (!Character.isSpaceChar(ch) && ch != '-' && ch != '\u2011') {
                return false;
            }
        }
        return true;
    }

    /** A company word, {@code start-up} written with its hyphen included. */
    private static boolean companyWord(List<Token> tokens, int i) {
        String f = tokens.get(i).folded();
        return COMPANY_WORDS.contains(f) || (f.equals("up") || f.equals("ups")) && i > 0
                && tokens.get(i - 1).hyphenAfter() && tokens.get(i - 1).folded().equals("start");
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

    /**
     * "franco-allemand", "German-Canadian", "US-chinesisch": a compound of countries names both as parties;
     * "US-amerikanisch", one country twice, is a plain adjective.
     */
    private static boolean compound(List<Token> tokens, PhraseMatcher.Match<ActorTerm> m,
                                    List<PhraseMatcher.Match<ActorTerm>> all) {
        boolean hyphenBefore = m.firstToken() > 0 && tokens.get(m.firstToken() - 1).hyphenAfter();
        boolean hyphenAfter = tokens.get(m.lastToken()).hyphenAfter();
        String id = m.value().actor().id();
        return all.stream().anyMatch(other -> isState(other.value()) && !other.value().actor().id().equals(id)
                && (hyphenBefore && other.lastToken() == m.firstToken() - 1
                || hyphenAfter && other.firstToken() == m.lastToken() + 1));
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
