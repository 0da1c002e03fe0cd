package io.newsmonitor.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The wording of synthetic announcements in one language: a title and a lead naming the event's parties and
 * programme, then paragraphs drawn from sentence patterns whose slots (parties, organisation, themes, figures,
 * places, ordinary words) are filled at random, so that two texts of the same language share words and phrases but
 * not sentences, as two real press releases do.
 */
final class Prose {

    private static final Map<String, Prose> BY_LANGUAGE = Map.of(
            "fr", new Prose("fr",
                    List.of("{A} et {B} signent un accord sur l'intelligence artificielle",
                            "IA : {A} et {B} lancent le programme {P}",
                            "{A} et {B} renforcent leur coopération sur {T}"),
                    List.of("{A} et {B} ont signé à {C} un accord de coopération sur l'intelligence artificielle. "
                            + "Le programme {P}, doté de {M} millions d'euros, associe {O} et portera sur {T}."),
                    List.of("Les deux partenaires veulent accélérer {T} et soutenir les start-up de {X} régions.",
                            "Selon le ministère, {O} mettra {X} chercheurs à disposition du programme {P}.",
                            "La coopération entre {A} et {B} couvre aussi {T} et la formation de {X} agents publics.",
                            "Un comité de pilotage se réunira {X} fois par an à {C} pour évaluer les résultats.",
                            "Les premiers projets pilotes concernent {T}, avec un budget de {M} millions d'euros.",
                            "{O} a déjà ouvert {X} postes d'ingénieurs pour les équipes du projet.",
                            "Cette annonce s'inscrit dans la stratégie nationale pour l'intelligence artificielle.",
                            "Les universités partenaires accueilleront {X} doctorants sur {T} dès la rentrée.",
                            "Le texte prévoit un échange régulier de données et d'experts entre les deux pays.",
                            "D'après les signataires, l'accord doit aboutir à des résultats concrets d'ici {Y}."),
                    List.of("Lire aussi : l'IA au cœur des sommets internationaux", "Abonnez-vous à notre newsletter",
                            "© Agence de presse, tous droits réservés"),
                    "Dépêche : "),
            "en", new Prose("en",
                    List.of("{A} and {B} sign an agreement on artificial intelligence",
                            "AI: {A} and {B} launch the {P} programme",
                            "{A} and {B} deepen their cooperation on {T}"),
                    List.of("{A} and {B} signed a cooperation agreement on artificial intelligence in {C}. The {P} "
                            + "programme, worth {M} million euros, brings in {O} and will focus on {T}."),
                    List.of("The two partners want to speed up {T} and support start-ups in {X} regions.",
                            "According to the ministry, {O} will assign {X} researchers to the {P} programme.",
                            "The cooperation between {A} and {B} also covers {T} and training for {X} civil servants.",
                            "A steering committee will meet {X} times a year in {C} to review the results.",
                            "The first pilot projects concern {T}, with a budget of {M} million euros.",
                            "{O} has already opened {X} engineering positions for the project teams.",
                            "The announcement is part of the national AI strategy.",
                            "Partner universities will host {X} doctoral students working on {T} from the autumn.",
                            "The text provides for a regular exchange of data and experts between the two countries.",
                            "The signatories expect the agreement to deliver concrete results by {Y}."),
                    List.of("Read more: AI at the heart of international summits", "Subscribe to our newsletter",
                            "© News agency, all rights reserved"),
                    "Wire: "),
            "de", new Prose("de",
                    List.of("{A} und {B} unterzeichnen Abkommen über künstliche Intelligenz",
                            "KI: {A} und {B} starten das Programm {P}",
                            "{A} und {B} vertiefen ihre Zusammenarbeit bei {T}"),
                    List.of("{A} und {B} haben in {C} ein Kooperationsabkommen über künstliche Intelligenz "
                            + "unterzeichnet. Das Programm {P} mit {M} Millionen Euro bindet {O} ein und soll {T} "
                            + "voranbringen."),
                    List.of("Die beiden Partner wollen {T} beschleunigen und Start-ups in {X} Regionen fördern.",
                            "Nach Angaben des Ministeriums stellt {O} dem Programm {P} {X} Forscher zur Verfügung.",
                            "Die Zusammenarbeit zwischen {A} und {B} umfasst auch {T} und die Schulung von {X} "
                                    + "Beamten.",
                            "Ein Lenkungsausschuss tritt {X} Mal im Jahr in {C} zusammen, um die Ergebnisse zu "
                                    + "bewerten.",
                            "Die ersten Pilotprojekte betreffen {T}, mit einem Budget von {M} Millionen Euro.",
                            "{O} hat bereits {X} Stellen für Ingenieure in den Projektteams ausgeschrieben.",
                            "Die Ankündigung ist Teil der nationalen KI-Strategie.",
                            "Die Partneruniversitäten nehmen ab Herbst {X} Doktoranden auf, die zu {T} forschen.",
                            "Der Text sieht einen regelmäßigen Austausch von Daten und Fachleuten zwischen beiden "
                                    + "Ländern vor.",
                            "Die Unterzeichner erwarten konkrete Ergebnisse bis {Y}."),
                    List.of("Lesen Sie auch: KI im Mittelpunkt internationaler Gipfel", "Newsletter abonnieren",
                            "© Nachrichtenagentur, alle Rechte vorbehalten"),
                    "Meldung: "));

    private final String language;
    private final List<String> titles;
    private final List<String> leads;
    private final List<String> sentences;
    private final List<String> boilerplate;
    private final String copyPrefix;

    private Prose(String language, List<String> titles, List<String> leads, List<String> sentences,
                  List<String> boilerplate, String copyPrefix) {
        this.language = language;
        this.titles = titles;
        this.leads = leads;
        this.sentences = sentences;
        this.boilerplate = boilerplate;
        this.copyPrefix = copyPrefix;
    }

    static Prose of(String language) {
        Prose prose = BY_LANGUAGE.get(language);
        if (prose == null) {
            throw new IllegalArgumentException("no synthetic prose in language '" + language + "'");
        }
        return prose;
    }

    String title(Event event, Random random) {
        return capitalised(fill(titles.get(random.nextInt(titles.size())), event, random));
    }

    String lead(Event event, Random random) {
        return capitalised(fill(leads.get(random.nextInt(leads.size())), event, random));
    }

    /** Three to six sentences. */
    String paragraph(Event event, Random random) {
        List<String> out = new ArrayList<>();
        for (int i = 0, n = 3 + random.nextInt(4); i < n; i++) {
            out.add(capitalised(fill(sentences.get(random.nextInt(sentences.size())), event, random)));
        }
        return String.join(" ", out);
    }

    /** The outlet's lines a syndicated copy adds: a "read also" link, a newsletter call, a copyright. */
    List<String> boilerplate(Random random) {
        return boilerplate.subList(0, 1 + random.nextInt(boilerplate.size()));
    }

    String copyTitle(String title, Random random) {
        return random.nextBoolean() ? copyPrefix + title : title;
    }

    private String fill(String pattern, Event event, Random random) {
        List<Event.Name> parties = event.parties();
        return pattern.replace("{A}", parties.get(0).in(language))
                .replace("{B}", parties.get(1 + random.nextInt(parties.size() - 1)).in(language))
                .replace("{O}", event.company().in(language))
                .replace("{T}", event.themes().get(random.nextInt(event.themes().size())).in(language))
                .replace("{P}", event.programme())
                .replace("{C}", event.city())
                .replace("{M}", Integer.toString(event.millions()))
                .replace("{X}", Integer.toString(2 + random.nextInt(480)))
                .replace("{Y}", Integer.toString(2027 + random.nextInt(4)));
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
