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
    void blockElementsMakeOneParagraphPerLineAndTheMarkupsOwnLineBreaksAreSpaces() {
        assertThat(Texts.clean("<p>KI-Dialog\n  zwischen Berlin\r\nund Paris</p>\n<p>Bericht<br/>übergeben</p>"
                + "<ul><li>eins</li><li>zwei</li></ul>"))
                .isEqualTo("KI-Dialog zwischen Berlin und Paris\nBericht\nübergeben\neins\nzwei");
    }

    @Test
    void inPlainTextABlankLineEndsAParagraphAndAHardWrapIsASpace() {
        assertThat(Texts.clean("France and Albania sign\nan AI roadmap.\r\n \r\nFollow us &amp; share"))
                .isEqualTo("France and Albania sign an AI roadmap.\nFollow us & share");
    }

    @Test
    void aTitleIsOneLine() {
        assertThat(Texts.line("<h1>Accord</h1><p>IA</p>")).isEqualTo("Accord IA");
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
