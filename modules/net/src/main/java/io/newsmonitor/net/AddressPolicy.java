package io.newsmonitor.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which addresses newsmonitor may connect to for a feed source or a webhook, so that neither can make it reach into
 * the network it runs in (server-side request forgery). The poller and webhook delivery share this one rule.
 *
 * <h2>The rule</h2>
 * A request made for a source or a webhook is sent only if
 * <ol>
 *   <li>its URL's scheme is {@code http} or {@code https} ({@link #schemeRefusal}), and</li>
 *   <li>its host is an IP address that is public, or a name <em>every</em> address of which is public
 *       ({@link #nonPublicRange}; a name with one public and one private address is refused), <em>or</em> the
 *       source or webhook is configured with {@code allowPrivateNetwork: true} and the request's host is its own
 *       configured host: the host of its {@code url}, compared as OkHttp canonicalises hosts (lower case, IDNA
 *       ASCII, IPv6 in its shortest form), whatever the scheme and port ({@link PrivateAccess}). A host that is
 *       digits and dots but not a plain dotted quad (such as {@code 2130706433} or {@code 127.1}, which the JDK
 *       reads as 127.0.0.1) is refused unless it is that configured host.</li>
 * </ol>
 * For a source, the rule applies to every request, the first one included: the feed or listing page, each redirect
 * hop (a hop is judged by its own host), {@code robots.txt}, article pages fetched for full text (links taken from
 * the feed's content) and WebSub hub requests. So a trusted source reaches private addresses only on its own host:
 * its redirects to another host, its articles on another host and a hub on another host are judged as public
 * addresses. Nothing else makes a source or webhook trusted; in particular, being configured at a private address
 * does not.
 *
 * <p>The check happens when connecting, not before: {@link AddressGuard} resolves a host once, judges every address
 * of the answer, and OkHttp connects only to the addresses judged; there is no second lookup that DNS rebinding
 * could answer differently.
 *
 * <h2>Addresses that are not public</h2>
 * IPv4: {@code 0.0.0.0/8}, {@code 10.0.0.0/8}, {@code 100.64.0.0/10} (carrier-grade NAT), {@code 127.0.0.0/8},
 * {@code 169.254.0.0/16}, {@code 172.16.0.0/12}, {@code 192.0.0.0/24}, {@code 192.0.2.0/24},
 * {@code 192.168.0.0/16}, {@code 198.18.0.0/15}, {@code 198.51.100.0/24}, {@code 203.0.113.0/24},
 * {@code 224.0.0.0/4} (multicast), {@code 240.0.0.0/4} and {@code 255.255.255.255} (broadcast).
 *
 * <p>IPv6: {@code ::}, {@code ::1}, {@code fc00::/7}, {@code fe80::/10}, {@code ff00::/8}, {@code 2001:db8::/32},
 * {@code 3fff::/20} (documentation), {@code 64:ff9b:1::/48} (local-use NAT64: not globally reachable, and where its
 * IPv4 address sits depends on the operator's prefix length, so it is refused whole), and every address outside
 * global unicast {@code 2000::/3} that does not embed an IPv4 address. Forms that embed an IPv4 address are judged by
 * it: IPv4-mapped {@code ::ffff:0:0/96} and NAT64 {@code 64:ff9b::/96} (the last 32 bits), 6to4
 * {@code 2002::/16} (bits 16 to 47), and Teredo {@code 2001::/32}, by both its server address (bits 32 to 63) and
 * its client address (the last 32 bits, inverted).
 */
public final class AddressPolicy {

    /** A CIDR block and how a refusal names it. */
    private record Block(byte[] prefix, int bits, String name) {

        static Block of(String cidr, String what) {
            int slash = cidr.indexOf('/');
            return new Block(literal(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)),
                    what + " (" + cidr + ")");
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Block> IPV4 = List.of(
            Block.of("255.255.255.255/32", "broadcast"),
            Block.of("0.0.0.0/8", "\"this network\""),
            Block.of("10.0.0.0/8", "private"),
            Block.of("100.64.0.0/10", "carrier-grade NAT"),
            Block.of("127.0.0.0/8", "loopback"),
            Block.of("169.254.0.0/16", "link-local"),
            Block.of("172.16.0.0/12", "private"),
            Block.of("192.0.0.0/24", "IETF protocol assignments"),
            Block.of("192.0.2.0/24", "documentation"),
            Block.of("192.168.0.0/16", "private"),
            Block.of("198.18.0.0/15", "benchmarking"),
            Block.of("198.51.100.0/24", "documentation"),
            Block.of("203.0.113.0/24", "documentation"),
            Block.of("224.0.0.0/4", "multicast"),
            Block.of("240.0.0.0/4", "reserved"));

    private static final List<Block> IPV6 = List.of(
            Block.of("::/128", "unspecified"),
            Block.of("::1/128", "loopback"),
            Block.of("fc00::/7", "unique local"),
            Block.of("fe80::/10", "link-local"),
            Block.of("ff00::/8", "multicast"),
            Block.of("2001:db8::/32", "documentation"),
            Block.of("3fff::/20", "documentation"),
            Block.of("64:ff9b:1::/48", "local-use NAT64"));

    private static final Block MAPPED = Block.of("::ffff:0:0/96", "IPv4-mapped");
    private static final Block NAT64 = Block.of("64:ff9b::/96", "NAT64");
    private static final Block SIX_TO_FOUR = Block.of("2002::/16", "6to4");
    private static final Block TEREDO = Block.of("2001::/32", "Teredo");
    private static final Block GLOBAL_UNICAST = Block.of("2000::/3", "global unicast");

    private AddressPolicy() {
    }

    /**
     * Why a URL may not be fetched whatever its address, or {@code null} when it may: only {@code http} and
     * {@code https} are fetched.
     */
    public static String schemeRefusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? null : "non-HTTP address refused: " + url;
    }

    /** Whether the address is on the public internet, per the table above. */
    public static boolean isPublic(InetAddress address) {
        return nonPublicRange(address) == null;
    }

    /**
     * The range that makes an address not public, named for a log line (such as {@code loopback (127.0.0.0/8)} or
     * {@code NAT64 (64:ff9b::/96) embedding 10.0.0.1, private (10.0.0.0/8)}), or {@code null} when it is public.
     */
    public static String nonPublicRange(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ipv4Range(bytes) : ipv6Range(bytes);
    }

    private static String ipv4Range(byte[] bytes) {
        for (Block block : IPV4) {
            if (block.contains(bytes)) {
                return block.name();
            }
        }
        return null;
    }

    private static String ipv6Range(byte[] bytes) {
        for (Block block : IPV6) {
            if (block.contains(bytes)) {
                return block.name();
            }
        }
        if (MAPPED.contains(bytes)) {
            return embedded(MAPPED, bytes, 12, false);
        }
        if (NAT64.contains(bytes)) {
            return embedded(NAT64, bytes, 12, false);
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return embedded(SIX_TO_FOUR, bytes, 2, false);
        }
        if (TEREDO.contains(bytes)) {
            String server = embedded(TEREDO, bytes, 4, false);
            return server != null ? server : embedded(TEREDO, bytes, 12, true);
        }
        return GLOBAL_UNICAST.contains(bytes) ? null : "outside " + GLOBAL_UNICAST.name();
    }

    /** The refusal of an IPv6 form by the IPv4 address it embeds at {@code offset} (inverted for Teredo clients). */
    private static String embedded(Block form, byte[] bytes, int offset, boolean inverted) {
        byte[] ipv4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            ipv4[i] = (byte) (inverted ? ~bytes[offset + i] : bytes[offset + i]);
        }
        String range = ipv4Range(ipv4);
        return range == null ? null : form.name() + " embedding " + (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "."
                + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff) + ", " + range;
    }

    /** The bytes of an IP literal of this class's tables (never a DNS lookup: literals only). */
    private static byte[] literal(String ip) {
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(ip.contains(":") ? "[" + ip + "]" : ip).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
        if (ip.contains(":") && bytes.length == 4) {
            // The JDK reads an IPv4-mapped literal as the IPv4 address: put the ::ffff:0:0/96 form back.
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return mapped;
        }
        return bytes;
    }
}
