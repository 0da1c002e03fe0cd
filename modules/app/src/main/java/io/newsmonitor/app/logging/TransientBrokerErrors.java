package io.newsmonitor.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps the embedded broker from logging, as errors with stack traces, a condition its clients handle themselves:
 * an idempotent or transactional producer's out-of-order sequence on its first append to a partition, which the
 * producer retries. Every other broker message goes through.
 */
public final class TransientBrokerErrors extends TurboFilter {

    private static final String REPLICA_MANAGER = "kafka.server.ReplicaManager";
    private static final String OUT_OF_ORDER = "OutOfOrderSequenceException";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (t != null && logger.getName().equals(REPLICA_MANAGER) && t.getClass().getSimpleName().equals(OUT_OF_ORDER)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
