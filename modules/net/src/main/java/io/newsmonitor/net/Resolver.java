package io.newsmonitor.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into its addresses: the system's resolver, or a fixed answer in tests. */
@FunctionalInterface
public interface Resolver {

    /** The JVM's resolver ({@link InetAddress#getAllByName}). */
    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /**
     * The addresses of {@code host}.
     *
     * @throws UnknownHostException when it has none
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
