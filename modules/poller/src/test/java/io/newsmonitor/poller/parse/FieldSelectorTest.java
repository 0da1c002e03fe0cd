package io.newsmonitor.poller.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Field selectors: CSS, optionally ending in {@code @attribute} to read an attribute instead of the text. */
class FieldSelectorTest {

    private static final Element ITEM = Jsoup.parseBodyFragment("""
            <li data-id="42">
              <a class="teaser-link" href="/a" title="  The title  "><span>Read more</span></a>
              <a class="mail" href="mailto:press@example.org">press@example.org</a>
              <h3></h3><h3>Second heading</h3>
            </li>""").selectFirst("li");

    @Test
    void aTrailingAttributeNameReadsThatAttribute() {
        FieldSelector title = FieldSelector.parse("a.teaser-link@title");

        assertThat(title).isEqualTo(new FieldSelector("a.teaser-link", "title"));
        assertThat(title.value(ITEM)).isEqualTo("The title");
    }

    @Test
    void anAttributeAloneReadsTheItemItself() {
        assertThat(FieldSelector.parse("@data-id").value(ITEM)).isEqualTo("42");
    }

    @Test
    void withoutAttributeTheFirstElementWithTextGivesTheValue() {
        assertThat(FieldSelector.parse("h3").value(ITEM)).isEqualTo("Second heading");
        assertThat(FieldSelector.parse("h4").value(ITEM)).isNull();
    }

    @Test
    void anAtSignInsideAnAttributeSelectorIsPartOfTheCss() {
        FieldSelector mail = FieldSelector.parse("a[href='mailto:press@example.org']");

        assertThat(mail.attribute()).isNull();
        assertThat(mail.value(ITEM)).isEqualTo("press@example.org");
    }

    @Test
    void invalidSelectorsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> FieldSelector.parse("a[href"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'a[href' is not a valid CSS selector: ");
        assertThatThrownBy(() -> FieldSelector.parse("  ")).hasMessage("selector is empty");
    }
}
