package io.newsmonitor.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a synthetic announcement reports: the parties (names of {@code config/actors.yaml}), an organisation, the
 * themes, and the names and figures that tell one event from another (a programme, a city, an amount).
 *
 * @param parties   two or three actors, in fr/en/de
 * @param company   an organisation involved
 * @param themes    one to three themes, in fr/en/de
 * @param programme the programme's name (an invented proper name)
 * @param city      where it was signed
 * @param millions  the amount, in millions of euros
 */
record Event(List<Name> parties, Name company, List<Name> themes, String programme, String city, int millions) {

    /** A name in French, English and German. */
    record Name(String fr, String en, String de) {

        String in(String language) {
            return switch (language) {
                case "fr" -> fr;
                case "de" -> de;
                default -> en;
            };
        }
    }

    /** France, the United States and the European Union: in many texts, as in the real feeds. */
    private static final List<Name> BUSY = List.of(
            new Name("la France", "France", "Frankreich"),
            new Name("les États-Unis", "the United States", "die Vereinigten Staaten"),
            new Name("l'Union européenne", "the European Union", "die Europäische Union"));
    private static final List<Name> COUNTRIES = List.of(
            new Name("l'Allemagne", "Germany", "Deutschland"),
            new Name("le Royaume-Uni", "the United Kingdom", "das Vereinigte Königreich"),
            new Name("l'Inde", "India", "Indien"),
            new Name("le Japon", "Japan", "Japan"),
            new Name("le Canada", "Canada", "Kanada"),
            new Name("l'Albanie", "Albania", "Albanien"),
            new Name("l'Italie", "Italy", "Italien"),
            new Name("les Émirats arabes unis", "the United Arab Emirates", "die Vereinigten Arabischen Emirate"),
            new Name("le Maroc", "Morocco", "Marokko"),
            new Name("le Sénégal", "Senegal", "Senegal"),
            new Name("la Corée du Sud", "South Korea", "Südkorea"),
            new Name("le Brésil", "Brazil", "Brasilien"),
            new Name("Singapour", "Singapore", "Singapur"),
            new Name("la Tunisie", "Tunisia", "Tunesien"),
            new Name("le Kenya", "Kenya", "Kenia"));
    private static final List<Name> COMPANIES = List.of(
            new Name("Mistral AI", "Mistral AI", "Mistral AI"),
            new Name("Inetum", "Inetum", "Inetum"),
            new Name("Capgemini", "Capgemini", "Capgemini"),
            new Name("OpenAI", "OpenAI", "OpenAI"),
            new Name("Nvidia", "Nvidia", "Nvidia"),
            new Name("Microsoft", "Microsoft", "Microsoft"),
            new Name("SAP", "SAP", "SAP"),
            new Name("Aleph Alpha", "Aleph Alpha", "Aleph Alpha"),
            new Name("l'Inria", "Inria", "Inria"),
            new Name("le CNRS", "CNRS", "CNRS"),
            new Name("la Fraunhofer-Gesellschaft", "the Fraunhofer Society", "die Fraunhofer-Gesellschaft"),
            new Name("IBM", "IBM", "IBM"),
            new Name("l'OCDE", "the OECD", "die OECD"),
            new Name("l'UNESCO", "UNESCO", "die UNESCO"));
    /** Theme words of {@code themes.yaml}. */
    private static final List<Name> THEMES = List.of(
            new Name("l'intelligence artificielle générative", "generative AI", "generative KI"),
            new Name("le calcul haute performance", "high-performance computing", "Hochleistungsrechnen"),
            new Name("la cybersécurité", "cybersecurity", "Cybersicherheit"),
            new Name("la formation aux compétences numériques", "digital skills training",
                    "die Ausbildung digitaler Kompetenzen"),
            new Name("la recherche en intelligence artificielle", "artificial intelligence research",
                    "die Forschung zu künstlicher Intelligenz"),
            new Name("les centres de données", "data centres", "Rechenzentren"),
            new Name("la santé numérique", "digital health", "digitale Gesundheit"),
            new Name("la régulation de l'IA", "AI regulation", "die KI-Regulierung"),
            new Name("les supercalculateurs", "supercomputers", "Supercomputer"),
            new Name("l'agriculture de précision", "precision agriculture", "Präzisionslandwirtschaft"));
    private static final String[] SYLLABLES = {"Ar", "bel", "cor", "dan", "el", "fio", "gar", "hel", "is", "jor",
            "kal", "lum", "mer", "nor", "ori", "pax", "quin", "ros", "sil", "tor", "ul", "ver", "wen", "xan", "yor",
            "zel"};
    private static final List<String> CITIES = List.of("Paris", "Berlin", "Bruxelles", "Washington", "Tirana",
            "Rabat", "Dakar", "Tokyo", "New Delhi", "Ottawa", "Rome", "Abu Dhabi", "Séoul", "Nairobi", "Tunis");

    static Event random(Random random) {
        List<Name> parties = new ArrayList<>();
        parties.add(random.nextDouble() < 0.75 ? pick(BUSY, random) : pick(COUNTRIES, random));
        while (parties.size() < 2 + (random.nextDouble() < 0.2 ? 1 : 0)) {
            Name other = random.nextDouble() < 0.35 ? pick(BUSY, random) : pick(COUNTRIES, random);
            if (!parties.contains(other)) {
                parties.add(other);
            }
        }
        List<Name> themes = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            Name theme = pick(THEMES, random);
            if (!themes.contains(theme)) {
                themes.add(theme);
            }
        }
        String programme = SYLLABLES[random.nextInt(SYLLABLES.length)]
                + SYLLABLES[random.nextInt(SYLLABLES.length)].toLowerCase()
                + SYLLABLES[random.nextInt(SYLLABLES.length)].toLowerCase();
        return new Event(List.copyOf(parties), pick(COMPANIES, random), List.copyOf(themes), programme,
                pick(CITIES, random), 5 + random.nextInt(2_000));
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
