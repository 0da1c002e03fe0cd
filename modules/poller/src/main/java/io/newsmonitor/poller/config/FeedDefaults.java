package io.newsmonitor.poller.config;

import java.time.Duration;

/**
 * What a source gets for each field it does not set: the {@code defaults} section of {@code feeds.yaml}, or
 * {@link #STANDARD} where the file has none and for sources added with {@code newsmonitor feeds add}.
 *
 * @param interval            polling interval
 * @param minInterval         least interval the adaptive schedule may shorten to
 * @param maxInterval         longest interval the adaptive schedule (and back-off) may lengthen to
 * @param adaptive            whether the interval adapts to how often the source publishes
 * @param fullText            whether each article page is fetched for the whole text
 *
 * <p>{@code allowPrivateNetwork} has no default: trust in the local network is given source by source, on the
 * source that needs it, never to every source of a file at once.
 */
public record FeedDefaults(Duration interval, Duration minInterval, Duration maxInterval, boolean adaptive,
                           boolean fullText) {

    /** The defaults when none are configured. */
    public static final FeedDefaults STANDARD = new FeedDefaults(Duration.ofMinutes(15), Duration.ofMinutes(2),
            Duration.ofHours(6), true, false);

    /** The least interval of a source polled every {@code sourceInterval}: the default, but never above it. */
    public Duration minFor(Duration sourceInterval) {
        return minInterval.compareTo(sourceInterval) > 0 ? sourceInterval : minInterval;
    }

    /** The longest interval of a source polled every {@code sourceInterval}: the default, but never below it. */
    public Duration maxFor(Duration sourceInterval) {
        return maxInterval.compareTo(sourceInterval) < 0 ? sourceInterval : maxInterval;
    }
}
