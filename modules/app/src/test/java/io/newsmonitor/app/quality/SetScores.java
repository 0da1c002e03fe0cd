package io.newsmonitor.app.quality;

import io.newsmonitor.model.ClassifiedAnnouncement;
import io.newsmonitor.samples.SampleAnnouncement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every measure of one set on the live path. Items the poller did not publish (their URL repeats another item's in
 * the same feed) have no classification of their own and are left out of the classification scores.
 *
 * @param output         what the live path made of the set
 * @param all            the classification of every classified item
 * @param perLanguage    the same per language
 * @param copiesStories  copies and stories
 * @param sink           alerts and aggregates
 * @param text           where the live path lost or changed text
 */
record SetScores(LiveOutput output, ClassificationScores all, Map<String, ClassificationScores> perLanguage,
                 CopiesAndStories copiesStories, SinkScores sink, TextAudit text) {

    static SetScores of(LiveOutput output) {
        Map<SampleAnnouncement, ClassifiedAnnouncement> classified = new LinkedHashMap<>();
        for (SampleAnnouncement item : output.set().items()) {
            ClassifiedAnnouncement c = output.classification(item);
            if (c != null) {
                classified.put(item, c);
            }
        }
        return new SetScores(output, new ClassificationScores(classified),
                ClassificationScores.perLanguage(classified), new CopiesAndStories(output),
                new SinkScores(output), new TextAudit(output));
    }

    String name() {
        return output.set().name();
    }

    /** How many items came out of the pipeline or are known to be held back by the poller. */
    long accountedFor() {
        return output.set().items().stream().filter(output::accountedFor).count();
    }
}
