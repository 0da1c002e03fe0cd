package io.newsmonitor.app.quality;

import io.newsmonitor.model.Announcement;
import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.processor.text.TextCleaner;
import io.newsmonitor.samples.SampleAnnouncement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the live path loses or changes text. Per item, the poller's announcement is compared with the corpus text
 * (whitespace aside), and the body the processor classified (the text after the title) with the body
 * {@link TextCleaner} keeps from the corpus text as written, paragraphs separated by blank lines: the direct path of
 * {@code CorpusQualityTest}.
 */
final class TextAudit {

    /** Below this share of the direct path's body, the live path lost text. */
    private static final double LOST = 0.8;
    /** Above this share, the live path kept text the direct path drops (boilerplate). */
    private static final double KEPT = 1.1;

    final List<String> titlesChanged = new ArrayList<>();
    final List<String> summariesChanged = new ArrayList<>();
    final List<String> contentsChanged = new ArrayList<>();
    /** Items whose classified body has fewer paragraphs than the direct path's. */
    int paragraphsMerged;
    final List<String> bodiesDropped = new ArrayList<>();
    final List<String> textLost = new ArrayList<>();
    final List<String> boilerplateKept = new ArrayList<>();

    TextAudit(LiveOutput output) {
        TextCleaner cleaner = new TextCleaner(output.maxTextChars());
        for (SampleAnnouncement item : output.set().items()) {
            Announcement raw = output.raw().get(item.id());
            ClassifiedAnnouncement c = output.classification(item);
            if (raw == null || c == null) {
                continue;
            }
            compare(titlesChanged, item, item.title(), raw.title());
            compare(summariesChanged, item, item.summary(), raw.summary());
            compare(contentsChanged, item, item.content(), raw.content());
            String direct = cleaner.clean(new Announcement(item.id(), item.source(), item.url(), null, item.title(),
                    item.summary(), item.content(), item.language(), item.publishedAt(), item.publishedAt(),
                    List.of())).body();
            String live = c.text().length() > c.title().length() ? c.text().substring(c.title().length()).strip()
                    : "";
            if (live.split("\n").length < direct.split("\n").length) {
                paragraphsMerged++;
            }
            String lengths = item.id() + " (" + live.length() + " of " + direct.length() + " chars)";
            if (live.isEmpty() && !direct.isEmpty()) {
                bodiesDropped.add(lengths);
            } else if (live.length() < LOST * direct.length()) {
                textLost.add(lengths);
            } else if (live.length() > KEPT * direct.length()) {
                boilerplateKept.add(lengths);
            }
        }
    }

    private static void compare(List<String> changed, SampleAnnouncement item, String corpus, String published) {
        if (!oneLine(corpus).equals(oneLine(published))) {
            changed.add(item.id());
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
