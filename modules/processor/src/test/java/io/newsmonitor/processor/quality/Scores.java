package io.newsmonitor.processor.quality;

import java.util.Locale;
import java.util.Set;

/** Precision, recall and F1 counts for one label. */
final class Scores {

    private int truePositives;
    private int falsePositives;
    private int falseNegatives;

    /** Counts one document's expected and predicted label sets. */
    void add(Set<String> expected, Set<String> predicted) {
        for (String p : predicted) {
            if (expected.contains(p)) {
                truePositives++;
            } else {
                falsePositives++;
            }
        }
        for (String e : expected) {
            if (!predicted.contains(e)) {
                falseNegatives++;
            }
        }
    }

    /** Counts one document's yes/no decision. */
    void add(boolean expected, boolean predicted) {
        add(expected ? Set.of("yes") : Set.of(), predicted ? Set.of("yes") : Set.of());
    }

    double precision() {
        return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
    }

    double recall() {
        return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    int support() {
        return truePositives + falseNegatives;
    }

    String row(String label) {
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d | %d | %d |", label, precision(), recall(),
                f1(), truePositives, falsePositives, falseNegatives);
    }
}
