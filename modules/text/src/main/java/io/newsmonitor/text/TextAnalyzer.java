package io.newsmonitor.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The one analysis chain applied alike to article text and to dictionary phrases, so that they meet on equal terms:
 * Lucene's {@code StandardTokenizer}, French and Italian elision removal ({@code l'Albanie} gives {@code albanie},
 * {@code dell'Italia} {@code italia}), English
 * possessives removed ({@code France's} gives {@code france}), lower case,
 * accent folding ({@code é}, {@code ä}, {@code ß}), and minimal stemming (final plural and feminine endings of words
 * of six letters or more). Each token keeps its unstemmed form too, for names. The chain is language-neutral on purpose: the dictionaries mix fr, en and de, and one
 * chain for all keeps a phrase and its occurrence in any language analysed the same way. Thread-safe.
 */
public final class TextAnalyzer {

    private static final CharArraySet ELISIONS = new CharArraySet(Arrays.asList(
            "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu",
            // Italian articulated prepositions and articles: dell'Italia, sull'IA, un'intesa
            "dell", "dall", "nell", "sull", "all", "coll", "un", "quest", "quell"), true);

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new ElisionFilter(tokenizer, ELISIONS);
            stream = new EnglishPossessiveFilter(stream);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            // Each token twice: unstemmed (marked keyword, so the stemmer leaves it), then stemmed.
            stream = new KeywordRepeatFilter(stream);
            stream = new FrenchMinimalStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    };

    /** The tokens of a text, in order. */
    public List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            KeywordAttribute keyword = stream.addAttribute(KeywordAttribute.class);
            stream.reset();
            String folded = null;
            while (stream.incrementToken()) {
                if (keyword.isKeyword()) {
                    folded = term.toString();
                    continue;
                }
                int start = offset.startOffset();
                int end = offset.endOffset();
                String raw = withoutPossessive(text.substring(start, end));
                boolean dotted = isDottedAbbreviation(raw);
                String analysed = dotted ? withoutDots(raw) : term.toString();
                tokens.add(new Token(analysed, dotted ? analysed : folded, raw, start, end,
                        end < text.length() && isHyphen(text.charAt(end)),
                        !tokens.isEmpty() && isBoundary(text, tokens.get(tokens.size() - 1), start)));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse in-memory text", e);
        }
        return tokens;
    }

    /** The analysed terms of a dictionary phrase. */
    public List<String> terms(String phrase) {
        return tokens(phrase).stream().map(Token::term).toList();
    }

    /** The unstemmed analysed terms of a dictionary name. */
    public List<String> foldedTerms(String phrase) {
        return tokens(phrase).stream().map(Token::folded).toList();
    }

    /** The raw tokens of a case-sensitive dictionary entry (an acronym or brand). */
    public List<String> rawTerms(String phrase) {
        return tokens(phrase).stream().map(Token::raw).toList();
    }

    /** {@code OECD's} is the token {@code OECD} for case-sensitive matching, as for the analysed form. */
    private static String withoutPossessive(String raw) {
        int n = raw.length();
        if (n > 2 && (raw.charAt(n - 2) == '\'' || raw.charAt(n - 2) == '\u2019')
                && (raw.charAt(n - 1) == 's' || raw.charAt(n - 1) == 'S')) {
            return raw.substring(0, n - 2);
        }
        return raw;
    }

    /**
     * Whether sentence punctuation or a line break lies between the previous token and {@code to}. The period that
     * ends an abbreviation written with periods ({@code U.S.}, {@code U.K.}: the tokenizer keeps the inner ones) is
     * part of it, so that "the U.S. AI Safety Institute" stays one phrase.
     */
    private static boolean isBoundary(String text, Token previous, int to) {
        int from = previous.end();
        if (from < to && text.charAt(from) == '.' && isDottedAbbreviation(previous.raw())) {
            from++;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code U.S}, {@code U.K}, {@code U.S.A}: single capitals joined by periods (the tokenizer leaves out the last
     * one); not {@code a.m} or {@code e.g}, after which a sentence may well end. Its analysed forms drop the
     * periods, so that "U.K. AI Safety Institute" is the "UK AI Safety Institute".
     */
    public static boolean isDottedAbbreviation(String raw) {
        int n = raw.length();
        if (n < 3 || n % 2 == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (i % 2 == 0 ? !Character.isUpperCase(c) : c != '.') {
                return false;
            }
        }
        return true;
    }

    private static String withoutDots(String raw) {
        StringBuilder letters = new StringBuilder(raw.length() / 2 + 1);
        for (int i = 0; i < raw.length(); i += 2) {
            letters.append(Character.toLowerCase(raw.charAt(i)));
        }
        return letters.toString();
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2013';
    }
}
