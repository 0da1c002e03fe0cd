package io.newsmonitor.sink;

import io.newsmonitor.runtime.Health;
import io.newsmonitor.runtime.RoleHandle;
import io.newsmonitor.sink.config.HostAndPort;
import io.newsmonitor.sink.query.LocalSinkQueries;
import io.newsmonitor.streams.StreamsRole;
import java.util.Optional;

/**
 * A running sink instance: the role the process stops and asks for health, and the {@link SinkQueries} its stores
 * answer (for the HTTP server of the sink role).
 */
public final class SinkRole implements RoleHandle {

    private final StreamsRole streams;
    private final SinkQueries queries;

    SinkRole(StreamsRole streams, Optional<HostAndPort> advertised) {
        this.streams = streams;
        this.queries = LocalSinkQueries.of(streams.streams(), advertised);
    }

    /**
     * What this instance answers from its own stores. Partial when several instances run: the HTTP layer also asks
     * {@link SinkQueries#peers()}. Throws {@link NotReadyException} while the instance starts or rebalances.
     */
    public SinkQueries queries() {
        return queries;
    }

    @Override
    public String name() {
        return streams.name();
    }

    @Override
    public Health health() {
        return streams.health();
    }

    @Override
    public void close() {
        streams.close();
    }
}
