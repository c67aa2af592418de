package jp.moshisapo.gateway.clientaddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static final TrustedProxies INGRESS = TrustedProxies.parse(List.of("10.244.0.0/16", "2001:db8:ffff::/48"));

    @Test
    void byDefaultNobodysHeaderIsBelievedNotEvenLoopbacks() {
        assertEquals(address("127.0.0.1"), TrustedProxies.NONE.clientOf(address("127.0.0.1"), List.of("203.0.113.9")));
        assertEquals(address("127.0.0.1"), TrustedProxies.parse(List.of("", " ")).clientOf(address("127.0.0.1"),
                List.of("203.0.113.9")));
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        assertEquals(address("198.51.100.7"), INGRESS.clientOf(address("198.51.100.7"), List.of("203.0.113.9")));
        assertEquals(address("198.51.100.7"), INGRESS.clientOf(address("198.51.100.7"),
                List.of("203.0.113.9, 10.244.1.1")), "a trusted-looking entry does not make the peer trusted");
    }

    @Test
    void spoofedLeftmostEntriesAreIgnored() {
        ClientAddress client = INGRESS.clientOf(address("10.244.3.4"), List.of("1.2.3.4, 192.0.2.99, 203.0.113.9"));

        assertEquals(address("203.0.113.9"), client);
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedToTheFirstUntrustedHop() {
        ClientAddress client = INGRESS.clientOf(address("10.244.3.4"),
                List.of("6.6.6.6, 203.0.113.9, 2001:db8:ffff::7, 10.244.9.9"));

        assertEquals(address("203.0.113.9"), client);
    }

    @Test
    void severalHeaderLinesAreOneListInTheirOrder() {
        ClientAddress client = INGRESS.clientOf(address("10.244.3.4"), List.of("6.6.6.6", "203.0.113.9,10.244.9.9"));

        assertEquals(address("203.0.113.9"), client);
    }

    @Test
    void aTrustedPeerWithoutAHeaderIsItselfTheClient() {
        assertEquals(address("10.244.3.4"), INGRESS.clientOf(address("10.244.3.4"), List.of()));
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
        assertEquals(address("10.244.7.7"), INGRESS.clientOf(address("10.244.3.4"), List.of("10.244.7.7, 10.244.8.8")));
    }

    @Test
    void aMalformedHopLeavesTheNearestTrustedHopAsTheClient() {
        ClientAddress peer = address("10.244.3.4");

        assertEquals(peer, INGRESS.clientOf(peer, List.of("203.0.113.9, not-an-address")));
        assertEquals(peer, INGRESS.clientOf(peer, List.of("203.0.113.9:4711")));
        assertEquals(peer, INGRESS.clientOf(peer, List.of("203.0.113.9,")));
        assertEquals(peer, INGRESS.clientOf(peer, List.of("")));
        assertEquals(address("10.244.9.9"), INGRESS.clientOf(peer, List.of("203.0.113.9, unknown, 10.244.9.9")));
        // junk the client wrote left of its own entry changes nothing
        assertEquals(address("203.0.113.9"), INGRESS.clientOf(peer, List.of("<script>, 203.0.113.9")));
    }

    @Test
    void ipv6ClientsBehindTheProxyAreRead() {
        ClientAddress client = INGRESS.clientOf(address("2001:db8:ffff::2"), List.of("2001:db8:42:1::abcd"));

        assertEquals(address("2001:db8:42:1::abcd"), client);
        assertEquals("2001:db8:42:1::/64", client.rateLimitKey());
    }

    @Test
    void aMalformedProxyRangeStopsTheGatewayFromStarting() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of("10.244.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of("ingress-nginx")));
    }

    private static ClientAddress address(String literal) {
        return ClientAddress.parse(literal).orElseThrow();
    }
}
