package io.newsmonitor.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table of addresses that are not public: each range at both ends and just outside, and the schemes. */
class AddressPolicyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0                   | "this network" (0.0.0.0/8)
            0.255.255.255             | "this network" (0.0.0.0/8)
            10.0.0.0                  | private (10.0.0.0/8)
            10.255.255.255            | private (10.0.0.0/8)
            100.64.0.0                | carrier-grade NAT (100.64.0.0/10)
            100.127.255.255           | carrier-grade NAT (100.64.0.0/10)
            127.0.0.0                 | loopback (127.0.0.0/8)
            127.0.0.1                 | loopback (127.0.0.0/8)
            127.255.255.255           | loopback (127.0.0.0/8)
            169.254.0.0               | link-local (169.254.0.0/16)
            169.254.169.254           | link-local (169.254.0.0/16)
            169.254.255.255           | link-local (169.254.0.0/16)
            172.16.0.0                | private (172.16.0.0/12)
            172.31.255.255            | private (172.16.0.0/12)
            192.0.0.0                 | IETF protocol assignments (192.0.0.0/24)
            192.0.0.255               | IETF protocol assignments (192.0.0.0/24)
            192.0.2.0                 | documentation (192.0.2.0/24)
            192.0.2.255               | documentation (192.0.2.0/24)
            192.168.0.0               | private (192.168.0.0/16)
            192.168.255.255           | private (192.168.0.0/16)
            198.18.0.0                | benchmarking (198.18.0.0/15)
            198.19.255.255            | benchmarking (198.18.0.0/15)
            198.51.100.0              | documentation (198.51.100.0/24)
            198.51.100.255            | documentation (198.51.100.0/24)
            203.0.113.0               | documentation (203.0.113.0/24)
            203.0.113.255             | documentation (203.0.113.0/24)
            224.0.0.0                 | multicast (224.0.0.0/4)
            239.255.255.255           | multicast (224.0.0.0/4)
            240.0.0.0                 | reserved (240.0.0.0/4)
            255.255.255.254           | reserved (240.0.0.0/4)
            255.255.255.255           | broadcast (255.255.255.255/32)
            1.0.0.0                   |
            8.8.8.8                   |
            9.255.255.255             |
            11.0.0.0                  |
            93.184.216.34             |
            100.63.255.255            |
            100.128.0.0               |
            126.255.255.255           |
            128.0.0.0                 |
            169.253.255.255           |
            169.255.0.0               |
            172.15.255.255            |
            172.32.0.0                |
            192.0.1.0                 |
            192.0.3.0                 |
            192.167.255.255           |
            192.169.0.0               |
            198.17.255.255            |
            198.20.0.0                |
            198.51.99.255             |
            198.51.101.0              |
            203.0.112.255             |
            203.0.114.0               |
            223.255.255.255           |
            ::                        | unspecified (::/128)
            ::1                       | loopback (::1/128)
            fc00::                    | unique local (fc00::/7)
            fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | unique local (fc00::/7)
            fe80::                    | link-local (fe80::/10)
            febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff | link-local (fe80::/10)
            ff00::                    | multicast (ff00::/8)
            ff02::1                   | multicast (ff00::/8)
            ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | multicast (ff00::/8)
            2001:db8::                | documentation (2001:db8::/32)
            2001:db8:ffff:ffff:ffff:ffff:ffff:ffff | documentation (2001:db8::/32)
            3fff::                    | documentation (3fff::/20)
            3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff | documentation (3fff::/20)
            64:ff9b:1::               | local-use NAT64 (64:ff9b:1::/48)
            64:ff9b:1:ffff:ffff:ffff:808:808 | local-use NAT64 (64:ff9b:1::/48)
            64:ff9b::7f00:1           | NAT64 (64:ff9b::/96) embedding 127.0.0.1, loopback (127.0.0.0/8)
            64:ff9b::a00:1            | NAT64 (64:ff9b::/96) embedding 10.0.0.1, private (10.0.0.0/8)
            64:ff9b::6440:1           | NAT64 (64:ff9b::/96) embedding 100.64.0.1, carrier-grade NAT (100.64.0.0/10)
            64:ff9b::a9fe:a9fe        | NAT64 (64:ff9b::/96) embedding 169.254.169.254, link-local (169.254.0.0/16)
            2002:7f00:1::             | 6to4 (2002::/16) embedding 127.0.0.1, loopback (127.0.0.0/8)
            2002:c0a8:101:ffff::1     | 6to4 (2002::/16) embedding 192.168.1.1, private (192.168.0.0/16)
            2002:6440::               | 6to4 (2002::/16) embedding 100.64.0.0, carrier-grade NAT (100.64.0.0/10)
            2001:0:a00:1::            | Teredo (2001::/32) embedding 10.0.0.1, private (10.0.0.0/8)
            2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo (2001::/32) embedding 192.0.2.45, documentation (192.0.2.0/24)
            2001:0:4136:e378::80ff:fffe | Teredo (2001::/32) embedding 127.0.0.1, loopback (127.0.0.0/8)
            ::7f00:1                  | outside global unicast (2000::/3)
            100::                     | outside global unicast (2000::/3)
            fec0::1                   | outside global unicast (2000::/3)
            4000::                    | outside global unicast (2000::/3)
            2001:4860:4860::8888      |
            2606:4700:4700::1111      |
            2a00:1450:4001::1         |
            2001:db7:ffff:ffff:ffff:ffff:ffff:ffff |
            2001:db9::                |
            3fff:1000::               |
            64:ff9b::808:808          |
            2002:808:808::            |
            2001:0:4136:e378:8000:63bf:f7f7:f7f7 |
            """)
    void classifiesAddresses(String literal, String range) throws Exception {
        InetAddress address = InetAddress.getByName(literal);

        assertThat(AddressPolicy.nonPublicRange(address)).isEqualTo(range);
        assertThat(AddressPolicy.isPublic(address)).isEqualTo(range == null);
    }

    @Test
    void judgesIpv4MappedAddressesByTheirIpv4AddressInEitherForm() throws Exception {
        byte[] loopback = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        byte[] google = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};

        assertThat(AddressPolicy.nonPublicRange(Inet6Address.getByAddress(null, loopback, -1)))
                .isEqualTo("IPv4-mapped (::ffff:0:0/96) embedding 127.0.0.1, loopback (127.0.0.0/8)");
        assertThat(AddressPolicy.nonPublicRange(Inet6Address.getByAddress(null, google, -1))).isNull();
        // The JDK itself reads a mapped literal as the IPv4 address.
        assertThat(AddressPolicy.nonPublicRange(InetAddress.getByName("::ffff:10.0.0.1")))
                .isEqualTo("private (10.0.0.0/8)");
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        assertThat(AddressPolicy.schemeRefusal(URI.create("http://example.org/feed"))).isNull();
        assertThat(AddressPolicy.schemeRefusal(URI.create("HTTPS://example.org/feed"))).isNull();
        for (String url : new String[] {"file:///etc/passwd", "ftp://example.org/feed", "gopher://127.0.0.1:6379/_x",
                "jar:file:/x.jar!/y", "mailto:press@example.org", "/relative/only"}) {
            assertThat(AddressPolicy.schemeRefusal(URI.create(url))).as(url)
                    .isEqualTo("non-HTTP address refused: " + url);
        }
    }
}
