package io.newsmonitor.poller.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Published markup to clean text. */
class TextsTest {

    @Test
    void dropsTagsAndDecodesEntities() {
        assertThat(Texts.clean("<p>La France &amp; l&#x27;Albanie&nbsp;: <b>feuille</b> de route &ndash; IA</p>"))
                .isEqualTo("La France & l'Albanie : feuille de route – IA");
    }

    @Test
    void dropsScriptsStylesAndCommentsWithTheirContent() {
        assertThat(Texts.clean("<div onclick=\"steal()\">Accord<script>alert('x<p>')</script><STYLE>p{}</STYLE>"
                + "<!-- hidden <b> --> signé</div>")).isEqualTo("Accord signé");
    }

    @Test
    void blockElementsSeparateWords() {
        assertThat(Texts.clean("<p>KI</p><p>Dialog</p>Bericht<br/>übergeben")).isEqualTo("KI Dialog Bericht übergeben");
    }

    @Test
    void keepsCdataTextAndDropsControlCharactersAndRefusedEntities() {
        assertThat(Texts.clean("<![CDATA[AI \u0001partnership]]> &xxe; signed\u000b today"))
                .isEqualTo("AI partnership signed today");
    }

    @Test
    void blankIsNull() {
        assertThat(Texts.clean(" <p> </p> ")).isNull();
        assertThat(Texts.clean(null)).isNull();
    }
}
