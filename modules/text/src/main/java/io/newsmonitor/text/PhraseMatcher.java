package io.newsmonitor.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds dictionary phrases in a token sequence with a token-level trie: from each position it follows the trie as
 * far as the tokens allow and keeps the longest phrase ending there (leftmost-longest, non-overlapping). No phrase
 * spans a sentence boundary. The cost
 * per position is bounded by the longest phrase (a few tokens), so matching is linear in the text whatever the
 * dictionary size. Immutable once built; thread-safe.
 *
 * @param <V> what a phrase stands for
 */
public final class PhraseMatcher<V> {

    /** One phrase found. */
    public record Match<V>(V value, int firstToken, int lastToken) {
    }

    private static final class Node<V> {
        final Map<String, Node<V>> children = new HashMap<>();
        final List<V> values = new ArrayList<>();
    }

    private final Node<V> root;
    private final Function<Token, String> key;
    private final boolean genitiveS;

    private PhraseMatcher(Node<V> root, Function<Token, String> key, boolean genitiveS) {
        this.root = root;
        this.key = key;
        this.genitiveS = genitiveS;
    }

    /** A builder of a matcher on analysed terms (case- and accent-insensitive). */
    public static <V> Builder<V> onTerms() {
        return new Builder<>(Token::term);
    }

    /** A builder of a matcher on unstemmed analysed terms (names: case- and accent-insensitive, not stemmed). */
    public static <V> Builder<V> onFoldedTerms() {
        return new Builder<>(Token::folded);
    }

    /** A builder of a matcher on raw tokens (case-sensitive, exact). */
    public static <V> Builder<V> onRawTokens() {
        return new Builder<>(Token::raw);
    }

    /** Every leftmost-longest phrase in the tokens; all values of that phrase are reported. */
    public List<Match<V>> find(List<Token> tokens) {
        List<Match<V>> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Node<V> node = root;
            Node<V> best = null;
            int bestEnd = -1;
            boolean inflected = false;
            for (int j = i; j < tokens.size(); j++) {
                if (j > i && tokens.get(j).boundaryBefore()) {
                    break;
                }
                Node<V> exact = node.children.get(key.apply(tokens.get(j)));
                node = exact != null ? exact : genitive(node, tokens.get(j));
                if (node == null) {
                    break;
                }
                inflected |= exact == null;
                // A one-word name is not taken from an inflected word: "Frances" is not France, "Jordans" not Jordan.
                if (!node.values.isEmpty() && !(inflected && j == i)) {
                    best = node;
                    bestEnd = j;
                }
            }
            if (best == null) {
                i++;
            } else {
                for (V v : best.values) {
                    matches.add(new Match<>(v, i, bestEnd));
                }
                i = bestEnd + 1;
            }
        }
        return matches;
    }

    /**
     * Where a capitalised word that leads nowhere as written leads without a final {@code s} or {@code es}, when
     * asked ({@link Builder#genitiveS}); else {@code null}.
     */
    private Node<V> genitive(Node<V> node, Token token) {
        String k = key.apply(token);
        if (!genitiveS || k.length() < 4 || !k.endsWith("s") || !Character.isUpperCase(token.raw().charAt(0))) {
            return null;
        }
        Node<V> next = node.children.get(k.substring(0, k.length() - 1));
        if (next == null && k.endsWith("es")) {
            next = node.children.get(k.substring(0, k.length() - 2));
        }
        return next;
    }

    /** Builds a {@link PhraseMatcher}. */
    public static final class Builder<V> {
        private final Node<V> root = new Node<>();
        private final Function<Token, String> key;
        private boolean genitiveS;

        private Builder(Function<Token, String> key) {
            this.key = key;
        }

        /** Adds a phrase given as its keys (analysed terms or raw tokens); an empty phrase is ignored. */
        public Builder<V> add(List<String> phrase, V value) {
            if (phrase.isEmpty()) {
                return this;
            }
            Node<V> node = root;
            for (String k : phrase) {
                node = node.children.computeIfAbsent(k, x -> new Node<>());
            }
            if (!node.values.contains(value)) {
                node.values.add(value);
            }
            return this;
        }

        /**
         * Lets a capitalised word with a final {@code s} or {@code es} stand for the word without it, as a German
         * genitive inflects a name ("des Bundesministeriums für Bildung", "des Auswärtigen Amtes"), where the word
         * as written leads nowhere; not for a name of one word ("Frances Haugen" is no France), whose inflected forms
         * the dictionary lists where it needs them ("Frankreichs").
         */
        public Builder<V> genitiveS() {
            this.genitiveS = true;
            return this;
        }

        public PhraseMatcher<V> build() {
            return new PhraseMatcher<>(root, key, genitiveS);
        }
    }
}
