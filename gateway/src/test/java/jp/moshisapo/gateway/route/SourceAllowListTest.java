package jp.moshisapo.gateway.route;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.moshisapo.gateway.clientaddress.ClientAddress;
import org.junit.jupiter.api.Test;

class SourceAllowListTest {

    @Test
    void anyOfTheRangesAdmits() {
        SourceAllowList list = SourceAllowList.parse(List.of("2001:db8::/32", "192.0.2.0/24"));

        assertTrue(list.allows(address("2001:db8:ffff::1")));
        assertTrue(list.allows(address("192.0.2.44")));
        assertFalse(list.allows(address("198.51.100.1")));
    }

    @Test
    void emptyListAllowsEveryoneButASetListRefusesAnUnknownClient() {
        assertTrue(SourceAllowList.parse(List.of()).allows(address("192.0.2.1")));
        assertTrue(SourceAllowList.parse(List.of(" ")).allows(address("192.0.2.1")));
        assertTrue(SourceAllowList.parse(List.of()).allows(ClientAddress.UNKNOWN));
        assertFalse(SourceAllowList.parse(List.of("192.0.2.0/24")).allows(ClientAddress.UNKNOWN));
    }

    private static ClientAddress address(String literal) {
        return ClientAddress.parse(literal).orElseThrow();
    }
}
