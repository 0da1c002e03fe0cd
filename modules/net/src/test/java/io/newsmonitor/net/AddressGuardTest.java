package io.newsmonitor.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard at OkHttp's connection time: one lookup, every address judged, only judged addresses handed on. */
class AddressGuardTest {

    /** A resolver that gives queued answers in turn and counts the lookups. */
    private static final class ScriptedResolver implements Resolver {
        private final Deque<List<InetAddress>> answers = new ArrayDeque<>();
        private int lookups;

        ScriptedResolver answer(String... addresses) throws UnknownHostException {
            List<InetAddress> answer = new ArrayList<>();
            for (String address : addresses) {
                answer.add(InetAddress.getByName(address));
            }
            answers.add(answer);
            return this;
        }

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            lookups++;
            List<InetAddress> answer = answers.poll();
            if (answer == null) {
                throw new UnknownHostException(host);
            }
            return answer;
        }
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void aRebindingAnswerCannotLeadToAPrivateConnection() throws Exception {
        ScriptedResolver dns = new ScriptedResolver().answer("93.184.216.34").answer("127.0.0.1");
        AddressGuard guard = new AddressGuard(dns, PrivateAccess.NONE);

        List<InetAddress> first = guard.lookup("rebind.test");

        assertThat(first).containsExactly(ip("93.184.216.34"));
        assertThat(dns.lookups).as("one lookup per connection, judged and handed on as it was").isEqualTo(1);
        assertThatThrownBy(() -> guard.lookup("rebind.test")).isInstanceOf(AddressRefusedException.class)
                .hasMessage("rebind.test resolves to 127.0.0.1, loopback (127.0.0.0/8)");
        assertThat(dns.lookups).isEqualTo(2);
    }

    @Test
    void handsOnACopyOfTheAnswerItJudged() throws Exception {
        List<InetAddress> answer = new ArrayList<>(List.of(ip("93.184.216.34")));
        AddressGuard guard = new AddressGuard(host -> answer, PrivateAccess.NONE);

        List<InetAddress> judged = guard.lookup("press.test");
        answer.add(ip("10.0.0.1"));

        assertThat(judged).containsExactly(ip("93.184.216.34"));
    }

    @Test
    void refusesANameWithAnyNonPublicAddress() throws Exception {
        AddressGuard guard = new AddressGuard(new ScriptedResolver().answer("8.8.8.8", "10.1.2.3"),
                PrivateAccess.NONE);

        assertThatThrownBy(() -> guard.lookup("mixed.test"))
                .hasMessage("mixed.test resolves to 10.1.2.3, private (10.0.0.0/8)");
    }

    @Test
    void allowsPrivateAddressesOnlyForTheSourcesOwnHost() throws Exception {
        AddressGuard guard = new AddressGuard(new ScriptedResolver().answer("10.0.0.5").answer("10.0.0.6"),
                PrivateAccess.hostOf("http://intranet.test:8080/feed.xml"));

        assertThat(guard.lookup("intranet.test")).containsExactly(ip("10.0.0.5"));
        assertThatThrownBy(() -> guard.lookup("other.intranet.test"))
                .hasMessage("other.intranet.test resolves to 10.0.0.6, private (10.0.0.0/8)");
    }

    @Test
    void failsWhenTheResolverHasNoAddress() {
        AddressGuard guard = new AddressGuard(host -> List.of(), PrivateAccess.NONE);

        assertThatThrownBy(() -> guard.lookup("empty.test")).isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(AddressRefusedException.class).hasMessage("empty.test has no address");
    }

    @Test
    void judgesHostsWrittenAsIpAddressesWithoutResolvingThem() throws Exception {
        Resolver never = host -> {
            throw new AssertionError("looked up " + host);
        };
        AddressGuard guard = new AddressGuard(never, PrivateAccess.NONE);

        assertThatThrownBy(() -> guard.checkLiteral("127.0.0.1")).isInstanceOf(AddressRefusedException.class)
                .hasMessage("127.0.0.1 is loopback (127.0.0.0/8)");
        assertThatThrownBy(() -> guard.checkLiteral("::1")).hasMessage("::1 is loopback (::1/128)");
        assertThatThrownBy(() -> guard.checkLiteral("64:ff9b::a9fe:a9fe"))
                .hasMessageContaining("embedding 169.254.169.254, link-local");
        assertThatThrownBy(() -> guard.checkLiteral("2130706433"))
                .hasMessage("2130706433 is a numeric host that is not a dotted-quad IPv4 address");
        assertThatThrownBy(() -> guard.checkLiteral("127.1")).isInstanceOf(AddressRefusedException.class);
        assertThatThrownBy(() -> guard.checkLiteral("010.0.0.1")).isInstanceOf(AddressRefusedException.class);
        guard.checkLiteral("8.8.8.8");
        guard.checkLiteral("2001:4860:4860::8888");
        guard.checkLiteral("press.example.org");
    }

    @Test
    void aTrustedSourceMayUseItsOwnHostWrittenAsAnAddress() throws Exception {
        new AddressGuard(Resolver.SYSTEM, PrivateAccess.hostOf("http://127.0.0.1:8080/feed")).checkLiteral("127.0.0.1");
        new AddressGuard(Resolver.SYSTEM, PrivateAccess.hostOf("http://[::1]/feed")).checkLiteral("::1");

        assertThatThrownBy(() -> new AddressGuard(Resolver.SYSTEM, PrivateAccess.hostOf("http://127.0.0.1/feed"))
                .checkLiteral("127.0.0.2")).hasMessage("127.0.0.2 is loopback (127.0.0.0/8)");
    }

    @Test
    void guardsOfTheSameAccessAreEqualSoThatOnlyTheyShareConnections() {
        PrivateAccess intranet = PrivateAccess.hostOf("http://intranet.test/feed");

        assertThat(new AddressGuard(Resolver.SYSTEM, intranet))
                .isEqualTo(new AddressGuard(Resolver.SYSTEM, PrivateAccess.hostOf("https://INTRANET.test:8443/x")))
                .isNotEqualTo(new AddressGuard(Resolver.SYSTEM, PrivateAccess.NONE));
    }
}
