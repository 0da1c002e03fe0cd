package io.newsmonitor.app.bench;

import io.newsmonitor.model.Announcement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded announcements that look like the real thing to the processor: French, English and German press releases of
 * 1 to 4 KB naming real actors and theme words of {@code config/actors.yaml} and {@code themes.yaml}, the busy actors
 * (France, the United States, the European Union) in many of them, about one in ten a syndicated copy of an earlier
 * one (another outlet, title and boilerplate, a paragraph dropped) and one in twenty another write-up of an earlier
 * event (the same parties, programme and figures in other words, often in another language).
 *
 * <p>Publication times are {@code spacing} apart from {@code start}; ids and URLs are distinct. The same seed gives
 * the same announcements.
 */
public final class SyntheticNews {

    /** Share of syndicated copies of an earlier announcement. */
    static final double COPY_SHARE = 0.10;
    /** Share of other write-ups of an earlier event. */
    static final double REWRITE_SHARE = 0.05;
    private static final int MIN_CHARS = 1_000;
    private static final int MAX_CHARS = 4_000;
    private static final String[] LANGUAGES = {"fr", "en", "de"};
    /** Earlier announcements a copy or a rewrite may come from: wire copies follow the original closely. */
    private static final int RECENT = 500;

    private final Random random;
    private final Instant start;
    private final Duration spacing;
    private final List<Announcement> recent = new ArrayList<>();
    private final List<Event> recentEvents = new ArrayList<>();
    private long next;

    /**
     * @param seed    the seed: the same one gives the same announcements
     * @param start   publication time of the first announcement
     * @param spacing publication time between two announcements
     */
    public SyntheticNews(long seed, Instant start, Duration spacing) {
        this.random = new Random(seed);
        this.start = start;
        this.spacing = spacing;
    }

    /** The next {@code count} announcements. */
    public List<Announcement> next(int count) {
        List<Announcement> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    /** The next announcement: an original, a syndicated copy or another write-up of an earlier event. */
    public Announcement next() {
        long n = next++;
        Instant published = start.plus(spacing.multipliedBy(n));
        double kind = random.nextDouble();
        Announcement a;
        if (kind < COPY_SHARE && !recent.isEmpty()) {
            a = copy(n, recent.get(random.nextInt(recent.size())), published);
        } else if (kind < COPY_SHARE + REWRITE_SHARE && !recentEvents.isEmpty()) {
            a = writeUp(n, recentEvents.get(random.nextInt(recentEvents.size())), published);
        } else {
            Event event = Event.random(random);
            remember(recentEvents, event);
            a = writeUp(n, event, published);
        }
        remember(recent, a);
        return a;
    }

    private static <T> void remember(List<T> list, T item) {
        list.add(item);
        if (list.size() > RECENT) {
            list.remove(0);
        }
    }

    private Announcement writeUp(long n, Event event, Instant published) {
        String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
        Prose prose = Prose.of(language);
        StringBuilder body = new StringBuilder();
        body.append(prose.lead(event, random)).append('\n');
        int target = MIN_CHARS + random.nextInt(MAX_CHARS - MIN_CHARS);
        while (body.length() < target) {
            String paragraph = prose.paragraph(event, random);
            if (body.length() >= MIN_CHARS && body.length() + paragraph.length() > MAX_CHARS) {
                break;
            }
            body.append(paragraph).append('\n');
        }
        String source = "outlet-" + random.nextInt(400);
        return new Announcement("bench-" + n, source, "https://" + source + ".example/" + language + "/" + n, null,
                prose.title(event, random), null, body.toString().strip(), language, published,
                published.plusSeconds(30), List.of("bench"));
    }

    private Announcement copy(long n, Announcement original, Instant published) {
        Prose prose = Prose.of(original.language());
        List<String> paragraphs = new ArrayList<>(List.of(original.content().split("\n")));
        if (paragraphs.size() > 3 && random.nextBoolean()) {
            paragraphs.remove(paragraphs.size() - 1);
        }
        paragraphs.addAll(prose.boilerplate(random));
        String source = "syndicator-" + random.nextInt(40);
        return new Announcement("bench-" + n, source, "https://" + source + ".example/wire/" + n, null,
                prose.copyTitle(original.title(), random), null, String.join("\n", paragraphs),
                original.language(), published, published.plusSeconds(30), List.of("bench"));
    }
}
