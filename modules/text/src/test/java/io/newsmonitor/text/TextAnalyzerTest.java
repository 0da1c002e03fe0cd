package io.newsmonitor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a phrase may not span: sentence punctuation, but not the period that ends an abbreviation. */
class TextAnalyzerTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    @Test
    void aSentenceEndStartsANewPhrase() {
        List<Token> tokens = analyzer.tokens("They met on AI. Singapore signed.");

        assertThat(tokens).filteredOn(t -> t.raw().equals("Singapore")).singleElement()
                .extracting(Token::boundaryBefore).isEqualTo(true);
    }

    @Test
    void theClosingPeriodOfADottedAbbreviationIsNoSentenceEnd() {
        List<Token> tokens = analyzer.tokens("the U.S. AI Safety Institute and the U.K. one");

        assertThat(tokens).filteredOn(t -> t.raw().equals("AI") || t.raw().equals("one"))
                .extracting(Token::boundaryBefore).containsExactly(false, false);
    }

    @Test
    void aDottedAbbreviationIsAnalysedAsTheSameLettersWithoutPeriods() {
        List<Token> dotted = analyzer.tokens("the U.K. AI Safety Institute");
        List<Token> plain = analyzer.tokens("the UK AI Safety Institute");

        assertThat(dotted).extracting(Token::folded).isEqualTo(plain.stream().map(Token::folded).toList());
        assertThat(dotted).extracting(Token::term).isEqualTo(plain.stream().map(Token::term).toList());
        assertThat(dotted.get(1).raw()).isEqualTo("U.K");
    }
}
