package io.newsmonitor.poller.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A connection refused by {@link AddressGuard} before it was opened: the host is, or resolves to, an address that is
 * not public and the source may not reach it. An {@link UnknownHostException} because that is what OkHttp's
 * {@link okhttp3.Dns} may throw; the message says which host, which address and which range.
 */
final class AddressRefusedException extends UnknownHostException {

    private AddressRefusedException(String message) {
        super(message);
    }

    /** An IP address given as the URL's host. */
    static AddressRefusedException literal(String host, String range) {
        return new AddressRefusedException(host + " is " + range);
    }

    /** A host name one of whose addresses is not public. */
    static AddressRefusedException resolved(String host, InetAddress address, String range) {
        return new AddressRefusedException(host + " resolves to " + address.getHostAddress() + ", " + range);
    }

    /** A host OkHttp would read as an IP address but that is not one written plainly (such as {@code 2130706433}). */
    static AddressRefusedException ambiguous(String host) {
        return new AddressRefusedException(host + " is a numeric host that is not a dotted-quad IPv4 address");
    }
}
