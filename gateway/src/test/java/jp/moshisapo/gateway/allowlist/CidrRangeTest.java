package jp.moshisapo.gateway.allowlist;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrRangeTest {

    @Test
    void ipv4RangeContainsItsAddressesOnly() {
        SourceAllowList list = SourceAllowList.parse(List.of("203.0.113.0/24"));

        assertTrue(list.allows("203.0.113.0"));
        assertTrue(list.allows("203.0.113.255"));
        assertFalse(list.allows("203.0.112.255"));
        assertFalse(list.allows("203.0.114.0"));
    }

    @Test
    void oddPrefixLengthsCutInsideAByte() {
        SourceAllowList list = SourceAllowList.parse(List.of("10.1.0.0/15"));

        assertTrue(list.allows("10.0.0.1"));
        assertTrue(list.allows("10.1.255.254"));
        assertFalse(list.allows("10.2.0.0"));
    }

    @Test
    void singleAddressAndWholeInternet() {
        assertTrue(SourceAllowList.parse(List.of("198.51.100.7")).allows("198.51.100.7"));
        assertFalse(SourceAllowList.parse(List.of("198.51.100.7")).allows("198.51.100.8"));
        assertTrue(SourceAllowList.parse(List.of("0.0.0.0/0")).allows("192.0.2.1"));
    }

    @Test
    void ipv6RangesMatchIpv6AndIpv4MappedAddressesMatchIpv4Ranges() {
        SourceAllowList list = SourceAllowList.parse(List.of("2001:db8::/32", "192.0.2.0/24"));

        assertTrue(list.allows("2001:db8:ffff::1"));
        assertFalse(list.allows("2001:db9::1"));
        assertTrue(list.allows("::ffff:192.0.2.44"));
        assertFalse(list.allows("::ffff:192.0.3.44"));
    }

    @Test
    void emptyListAllowsEveryoneButASetListRefusesWhatIsNotAnAddress() {
        assertTrue(SourceAllowList.parse(List.of()).allows("192.0.2.1"));
        assertTrue(SourceAllowList.parse(List.of(" ")).allows("192.0.2.1"));
        assertFalse(SourceAllowList.parse(List.of("192.0.2.0/24")).allows("line.me"));
        assertFalse(SourceAllowList.parse(List.of("192.0.2.0/24")).allows(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.0/33", "2001:db8::/129", "203.0.113.0/-1", "203.0.113/24", "example.com/8",
            "10.0.0.0/x"})
    void malformedRangesStopTheGatewayFromStarting(String notation) {
        assertThrows(IllegalArgumentException.class, () -> CidrRange.parse(notation));
    }
}
