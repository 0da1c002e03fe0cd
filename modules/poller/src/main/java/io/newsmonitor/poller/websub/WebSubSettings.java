package io.newsmonitor.poller.websub;

import java.net.URI;
import java.time.Duration;

/**
 * How a poller receives WebSub pushes.
 *
 * @param callbackBase   the address hubs reach this instance's callback server at ({@code https://host/websub});
 *                       {@code null} disables WebSub
 * @param listenHost     address the callback server listens on
 * @param listenPort     port the callback server listens on (0: a free one, for tests)
 * @param leaseSeconds   lease asked of hubs
 * @param safetyInterval slowest polling of a source while its subscription is active: pushes can be lost
 */
public record WebSubSettings(URI callbackBase, String listenHost, int listenPort, long leaseSeconds,
                             Duration safetyInterval) {

    /** Whether WebSub is on. */
    public boolean enabled() {
        return callbackBase != null;
    }
}
