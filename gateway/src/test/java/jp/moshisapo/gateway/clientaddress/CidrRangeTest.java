package jp.moshisapo.gateway.clientaddress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrRangeTest {

    @Test
    void ipv4RangeContainsItsAddressesOnly() {
        CidrRange range = CidrRange.parse("203.0.113.0/24");

        assertTrue(range.contains(address("203.0.113.0")));
        assertTrue(range.contains(address("203.0.113.255")));
        assertFalse(range.contains(address("203.0.112.255")));
        assertFalse(range.contains(address("203.0.114.0")));
    }

    @Test
    void oddPrefixLengthsCutInsideAByte() {
        CidrRange range = CidrRange.parse("10.1.0.0/15");

        assertTrue(range.contains(address("10.0.0.1")));
        assertTrue(range.contains(address("10.1.255.254")));
        assertFalse(range.contains(address("10.2.0.0")));
    }

    @Test
    void singleAddressAndWholeInternet() {
        assertTrue(CidrRange.parse("198.51.100.7").contains(address("198.51.100.7")));
        assertFalse(CidrRange.parse("198.51.100.7").contains(address("198.51.100.8")));
        assertTrue(CidrRange.parse("0.0.0.0/0").contains(address("192.0.2.1")));
    }

    @Test
    void ipv6RangesMatchIpv6AndIpv4MappedAddressesMatchIpv4Ranges() {
        assertTrue(CidrRange.parse("2001:db8::/32").contains(address("2001:db8:ffff::1")));
        assertFalse(CidrRange.parse("2001:db8::/32").contains(address("2001:db9::1")));
        assertTrue(CidrRange.parse("192.0.2.0/24").contains(address("::ffff:192.0.2.44")));
        assertFalse(CidrRange.parse("192.0.2.0/24").contains(address("::ffff:192.0.3.44")));
        assertFalse(CidrRange.parse("::/0").contains(address("192.0.2.44")), "IPv4 is never in an IPv6 range");
    }

    @Test
    void anUnknownAddressIsInNoRange() {
        assertFalse(CidrRange.parse("0.0.0.0/0").contains(ClientAddress.UNKNOWN));
        assertFalse(CidrRange.parse("::/0").contains(ClientAddress.UNKNOWN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.0/33", "2001:db8::/129", "203.0.113.0/-1", "203.0.113/24", "example.com/8",
            "10.0.0.0/x"})
    void malformedRangesStopTheGatewayFromStarting(String notation) {
        assertThrows(IllegalArgumentException.class, () -> CidrRange.parse(notation));
    }

    private static ClientAddress address(String literal) {
        return ClientAddress.parse(literal).orElseThrow();
    }
}
