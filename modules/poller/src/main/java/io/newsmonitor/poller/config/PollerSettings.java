package io.newsmonitor.poller.config;

import java.time.Duration;
import java.util.UUID;

/**
 * How a poller instance runs.
 *
 * @param groupId        consumer group shared by all poller instances (and prefix of their transactional ids)
 * @param instanceId     this instance's id, unique among running instances
 * @param workers        threads fetching and parsing in parallel
 * @param sessionTimeout how long before the group gives a silent instance's sources to the others
 */
public record PollerSettings(String groupId, String instanceId, int workers, Duration sessionTimeout) {

    /** A new instance id for this process, unless one was configured. */
    public static String randomInstanceId() {
        return "poller-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
