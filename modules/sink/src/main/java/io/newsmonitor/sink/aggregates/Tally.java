package io.newsmonitor.sink.aggregates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The count of one key in one window, with the latest announcements counted: the value of the aggregate window
 * stores.
 *
 * @param count   announcements counted
 * @param samples the latest of them by event time (ties: by id), at most {@value #SAMPLES}
 */
public record Tally(long count, List<Sample> samples) {

    /** Most samples kept. */
    public static final int SAMPLES = 5;
    private static final Comparator<Sample> LATEST_FIRST = Comparator.comparingLong(Sample::time).reversed()
            .thenComparing(Sample::id);

    /** One announcement counted, at its event time. */
    public record Sample(String id, long time) {
    }

    public Tally {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /** Nothing counted yet. */
    public static Tally empty() {
        return new Tally(0, List.of());
    }

    /** This tally with one more announcement. */
    public Tally plus(String id, long time) {
        List<Sample> more = new ArrayList<>(samples);
        more.add(new Sample(id, time));
        more.sort(LATEST_FIRST);
        return new Tally(count + 1, more.subList(0, Math.min(SAMPLES, more.size())));
    }

    /** The ids of the samples, latest first. */
    public List<String> sampleIds() {
        return samples.stream().map(Sample::id).toList();
    }
}
