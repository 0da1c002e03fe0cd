package io.newsmonitor.testkit.quality;

import java.util.Locale;
import java.util.Set;

/** Precision, recall and F1 counts for one label, shared by the quality tests of the processor and of the live path. */
public final class Scores {

    private int truePositives;
    private int falsePositives;
    private int falseNegatives;

    /** Counts one document's expected and predicted label sets. */
    public void add(Set<String> expected, Set<String> predicted) {
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
    public void add(boolean expected, boolean predicted) {
        add(expected ? Set.of("yes") : Set.of(), predicted ? Set.of("yes") : Set.of());
    }

    public double precision() {
        return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
    }

    public double recall() {
        return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public int support() {
        return truePositives + falseNegatives;
    }

    public String row(String label) {
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d | %d | %d |", label, precision(), recall(),
                f1(), truePositives, falsePositives, falseNegatives);
    }
}
