package io.newsmonitor.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A connection refused by {@link AddressGuard} before it was opened: the host is, or resolves to, an address that is
 * not public and the request may not reach it (its {@link PrivateAccess} does not cover it). An {@link UnknownHostException} because that is what OkHttp's
 * {@link okhttp3.Dns} may throw; the message says which host, which address and which range.
 */
public final class AddressRefusedException extends UnknownHostException {

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

    /**
     * The guard's refusal behind a failure, as OkHttp may pass it on as the cause or a suppressed exception of
     * another, or {@code null} when the failure is not a refusal.
     */
    public static AddressRefusedException findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AddressRefusedException refused) {
                return refused;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof AddressRefusedException refused) {
                    return refused;
                }
            }
        }
        return null;
    }
}
