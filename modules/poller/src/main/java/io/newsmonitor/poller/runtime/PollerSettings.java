package io.newsmonitor.poller.runtime;

import java.time.Duration;

/**
 * How a poller instance runs.
 *
 * @param groupId        consumer group shared by all poller instances (and prefix of their transactional ids)
 * @param instanceId     this instance's id, unique among running instances
 * @param workers        threads fetching and parsing in parallel
 * @param sessionTimeout how long before the group gives a silent instance's sources to the others
 * @param hostGap        least time between the end of one poll of a host and the start of the next
 */
public record PollerSettings(String groupId, String instanceId, int workers, Duration sessionTimeout,
                             Duration hostGap) {
}
