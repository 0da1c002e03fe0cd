package io.newsmonitor.app.faults;

import io.newsmonitor.model.Announcement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import org.apache.kafka.common.utils.Utils;

/**
 * A seeded mix of announcements for the raw topic: distinct AI-cooperation announcements between two countries, three
 * in ten followed by an exact copy (same text, another outlet and URL) and three in ten by a near copy (the same text
 * with a line added), published over 36 hours from {@link FaultParameters#PUBLISHED_FROM}.
 *
 * <p>The mix is built so that an undisturbed run and a disturbed one must give the same output, though instances
 * process partitions at their own pace: deduplication is "first seen wins", so an original and its copies get ids that
 * fall in one partition of the raw topic (and so, each being a story of its own, of the classified topic) and are
 * produced in that order; each distinct announcement has a body of its own random words and a pair of countries of its
 * own, so it is no copy of, and shares no story with, another.
 *
 * @param announcements in the order to produce them
 */
record AnnouncementMix(List<Announcement> announcements) {

    /** Country names that each name one country of {@code actors.yaml}, and nothing else. */
    private static final List<String> COUNTRIES = List.of("Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus",
            "Denmark", "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia",
            "Lithuania", "Luxembourg", "Malta", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia", "Spain",
            "Sweden", "Albania", "Kosovo", "Montenegro", "Serbia", "Morocco", "Algeria", "Tunisia", "Libya", "Egypt",
            "Qatar", "Israel", "Lebanon", "Mauritania", "Kuwait", "Bahrain", "Oman", "Iran", "Iraq", "Canada", "Japan",
            "China", "India", "Brazil", "Mexico", "Argentina", "Australia", "Indonesia", "Russia", "Switzerland",
            "Norway", "Iceland", "Liechtenstein", "Monaco", "Ukraine", "Moldova", "Armenia", "Azerbaijan",
            "Kazakhstan", "Singapore", "Taiwan", "Thailand", "Malaysia", "Philippines", "Chile", "Uruguay",
            "Colombia", "Senegal", "Kenya", "Nigeria", "Rwanda", "Ghana", "Ethiopia", "Cameroon", "Benin", "Togo",
            "Tanzania", "Uganda");
    private static final String[] FOCUS = {
            "joint research on artificial intelligence",
            "data centres, supercomputers and high-performance computing for artificial intelligence",
            "artificial intelligence skills for students and researchers",
            "generative AI for public services"};
    private static final String[] SYLLABLES = {"ba", "ke", "lo", "mu", "ri", "sa", "te", "vo", "zu", "ne", "po", "di",
            "ga", "fu", "ji", "ro", "wi", "xa"};
    private static final int RANDOM_WORDS = 60;
    private static final double COPY_SHARE = 0.3;

    /** {@code size} announcements from this seed, with ids spread over {@code partitions} partitions. */
    static AnnouncementMix generate(long seed, int size, int partitions) {
        Random random = new Random(seed);
        List<String[]> pairs = pairs(random);
        List<Announcement> out = new ArrayList<>(size);
        for (int n = 0; out.size() < size; n++) {
            String[] pair = pairs.get(n % pairs.size());
            int partition = n % pairs.size() % partitions;
            Instant published = FaultParameters.PUBLISHED_FROM.plus(Duration.ofMinutes(random.nextInt(36 * 60)));
            String title = pair[0] + " and " + pair[1] + " sign an agreement on "
                    + FOCUS[random.nextInt(FOCUS.length)] + " (" + n + ")";
            String body = pair[0] + " and " + pair[1] + " signed a cooperation agreement on artificial "
                    + "intelligence. " + words(random) + ".";
            out.add(announcement(id("item-" + n, partition, partitions), "outlet-" + n % 7, title, body, published));
            double copy = random.nextDouble();
            if (copy < COPY_SHARE && out.size() < size) {
                out.add(announcement(id("copy-" + n, partition, partitions), "syndicator", title, body, published));
            } else if (copy < 2 * COPY_SHARE && out.size() < size) {
                out.add(announcement(id("near-" + n, partition, partitions), "aggregator", title,
                        body + " Reported by the aggregator's desk.", published.plusSeconds(600)));
            }
        }
        return new AnnouncementMix(List.copyOf(out));
    }

    /**
     * Every pair of countries once, in a seeded order: a write-up joins another's story only when they share two
     * parties, so distinct announcements never do. Beyond 3,321 distinct announcements (about 5,300 in all) pairs
     * come round again, on the partition they had.
     */
    private static List<String[]> pairs(Random random) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < COUNTRIES.size(); i++) {
            for (int j = i + 1; j < COUNTRIES.size(); j++) {
                pairs.add(random.nextBoolean() ? new String[] {COUNTRIES.get(i), COUNTRIES.get(j)}
                        : new String[] {COUNTRIES.get(j), COUNTRIES.get(i)});
            }
        }
        Collections.shuffle(pairs, random);
        return pairs;
    }

    /** The ids, in production order. */
    List<String> ids() {
        return announcements.stream().map(Announcement::id).toList();
    }

    private static Announcement announcement(String id, String source, String title, String body, Instant published) {
        return new Announcement(id, source, "https://" + source + ".example/" + id, null, title, null, body, "en",
                published, published.plusSeconds(60), List.of());
    }

    private static String words(Random random) {
        StringJoiner words = new StringJoiner(" ");
        for (int i = 0; i < RANDOM_WORDS; i++) {
            words.add(SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)]
                    + SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return words.toString();
    }

    /** {@code base} with the first suffix that makes Kafka's default partitioner choose {@code partition}. */
    private static String id(String base, int partition, int partitions) {
        for (int salt = 0; ; salt++) {
            String id = base + "-" + salt;
            if (Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions == partition) {
                return id;
            }
        }
    }
}
