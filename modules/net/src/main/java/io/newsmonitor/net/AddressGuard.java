package io.newsmonitor.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.Dns;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Enforces {@link AddressPolicy} where OkHttp connects, for one {@link PrivateAccess}.
 *
 * <p>As OkHttp's {@link Dns}, it resolves a host name once, refuses the answer if any of its addresses is not public
 * (unless {@code access} allows that host), and returns exactly the addresses it judged: OkHttp connects only to
 * addresses from this list, so there is no second lookup for DNS rebinding to answer differently. Each connection
 * OkHttp opens asks anew, and each answer is judged anew.
 *
 * <p>As an application interceptor, it judges hosts written as IP addresses before anything is sent: OkHttp connects
 * to those without asking {@link Dns}. A host OkHttp would read as an IP address but that is not written plainly
 * (such as {@code 2130706433} or {@code 127.1}, which the JDK reads as 127.0.0.1) is refused.
 *
 * <p>Guards are equal when their resolver and access are. OkHttp pools connections by address, {@link Dns} included,
 * so a connection opened under one access is never reused under another.
 *
 * @param resolver how host names are resolved
 * @param access   the host that may be at a non-public address, if any
 */
public record AddressGuard(Resolver resolver, PrivateAccess access) implements Dns, Interceptor {

    /** What OkHttp reads as an IP address rather than a name (okhttp3.internal.canParseAsIpAddress). */
    private static final Pattern IP_LIKE = Pattern.compile("([0-9a-fA-F]*:[0-9a-fA-F:.]*)|([\\d.]+)");
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    /**
     * A client like {@code base} whose every request goes through this guard, both as its {@link Dns} and as an
     * application interceptor, and through no proxy (a proxy would resolve hosts itself, out of the guard's sight).
     */
    public OkHttpClient guard(OkHttpClient base) {
        return base.newBuilder().proxy(Proxy.NO_PROXY).dns(this).addInterceptor(this).build();
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = List.copyOf(resolver.resolve(hostname));
        if (addresses.isEmpty()) {
            throw new UnknownHostException(hostname + " has no address");
        }
        if (!access.allows(hostname)) {
            for (InetAddress address : addresses) {
                String range = AddressPolicy.nonPublicRange(address);
                if (range != null) {
                    throw AddressRefusedException.resolved(hostname, address, range);
                }
            }
        }
        return addresses;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        checkLiteral(chain.request().url().host());
        return chain.proceed(chain.request());
    }

    /**
     * Refuses a host written as an IP address that may not be reached; does nothing for a host name (which
     * {@link #lookup} judges).
     *
     * @param host the host as OkHttp canonicalises it (IPv6 without brackets)
     */
    void checkLiteral(String host) throws UnknownHostException {
        if (!IP_LIKE.matcher(host).matches() || access.allows(host)) {
            return;
        }
        boolean ipv6 = host.contains(":");
        if (!ipv6 && !DOTTED_QUAD.matcher(host).matches()) {
            throw AddressRefusedException.ambiguous(host);
        }
        // A dotted quad, or a bracketed IPv6 literal: the JDK parses these without a lookup.
        InetAddress address = InetAddress.getByName(ipv6 ? "[" + host + "]" : host);
        String range = AddressPolicy.nonPublicRange(address);
        if (range != null) {
            throw AddressRefusedException.literal(host, range);
        }
    }
}
