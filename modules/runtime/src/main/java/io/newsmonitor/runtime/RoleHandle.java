package io.newsmonitor.runtime;

/**
 * A role running in this process (a poller, a processor, a sink): what the process wiring starts, asks for health and
 * stops. Each role module offers one facade that returns it.
 */
public interface RoleHandle extends AutoCloseable {

    /** The role's name, e.g. {@code processor}. */
    String name();

    /** How the role is doing now. */
    Health health();

    /** Stops the role, finishing its transaction, within a bounded time. */
    @Override
    void close();
}
