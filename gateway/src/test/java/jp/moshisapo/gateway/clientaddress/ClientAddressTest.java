package jp.moshisapo.gateway.clientaddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {

    @Test
    void ipv6ClientsShareOneBucketPerSlash64() {
        String key = address("2001:db8:1:2::1").rateLimitKey();

        assertEquals("2001:db8:1:2::/64", key);
        assertEquals(key, address("2001:db8:1:2:ffff:ffff:ffff:ffff").rateLimitKey());
        assertEquals(key, address("2001:0db8:0001:0002:0000:0000:0000:0042").rateLimitKey());
        assertNotEquals(key, address("2001:db8:1:3::1").rateLimitKey(), "the neighbouring /64 is someone else");
    }

    @Test
    void ipv4ClientsHaveOneBucketPerAddress() {
        assertEquals("192.0.2.1", address("192.0.2.1").rateLimitKey());
        assertNotEquals(address("192.0.2.1").rateLimitKey(), address("192.0.2.2").rateLimitKey());
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4AddressItCarries() {
        assertEquals(address("192.0.2.44"), address("::ffff:192.0.2.44"));
        assertEquals("192.0.2.44", address("::ffff:192.0.2.44").rateLimitKey());
    }

    @Test
    void literalIsTheCanonicalSpelling() {
        assertEquals("2001:db8::1", address("2001:0DB8:0:0:0:0:0:1").literal());
        assertEquals("unknown", ClientAddress.UNKNOWN.literal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "192.0.2.1:8080", "192.0.2", "unknown", "2001:db8::1/64", " 192.0.2.1"})
    void onlyLiteralAddressesAreAddresses(String text) {
        assertTrue(ClientAddress.parse(text).isEmpty(), text);
    }

    private static ClientAddress address(String literal) {
        return ClientAddress.parse(literal).orElseThrow();
    }
}
