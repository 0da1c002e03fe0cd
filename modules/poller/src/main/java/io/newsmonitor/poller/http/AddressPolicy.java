package io.newsmonitor.poller.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Refuses redirects to loopback, link-local, private (site-local and unique-local), wildcard and multicast
 * addresses, so that a public source cannot make the poller reach into the network it runs in. A source configured
 * at such an address is trusted, since tests and intranets need it, as is one configured with
 * {@code allowPrivateNetwork: true}.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /**
     * The reason a redirect target is refused, or {@code null} when it may be followed.
     *
     * @param target the redirect target
     * @param trusted whether private addresses are allowed for this source
     */
    public static String refusal(URI target, boolean trusted) throws UnknownHostException {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "redirect to a non-HTTP address refused: " + target;
        }
        if (trusted) {
            return null;
        }
        for (InetAddress address : InetAddress.getAllByName(target.getHost())) {
            if (isPrivate(address)) {
                return "redirect to private address " + address.getHostAddress() + " refused: " + target;
            }
        }
        return null;
    }

    /** Whether the address is of this machine or its local network rather than the public internet. */
    static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6;
    }

    /** Whether a configured source's own host is private, which makes the whole source trusted. */
    public static boolean configuredAtPrivateAddress(URI source) {
        try {
            for (InetAddress address : InetAddress.getAllByName(source.getHost())) {
                if (isPrivate(address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
