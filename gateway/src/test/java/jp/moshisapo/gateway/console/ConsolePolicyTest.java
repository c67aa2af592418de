package jp.moshisapo.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConsolePolicyTest {

    @Test
    void theSignInOriginIsAddedToConnectSrcAndNothingElseChanges() {
        String policy = ConsolePolicy.of("default-src 'self'; script-src 'self'; connect-src 'self'; "
                + "frame-ancestors 'none'", "https://login.moshisapo.example.jp/realms/moshisapo");

        assertEquals("default-src 'self'; script-src 'self'; connect-src 'self' https://login.moshisapo.example.jp; "
                + "frame-ancestors 'none'", policy);
    }

    @Test
    void aPolicyWithoutConnectSrcGetsOneLimitedToThisOriginAndTheSignInServer() {
        String policy = ConsolePolicy.of("default-src 'self'", "http://127.0.0.1:8180/realms/moshisapo");

        assertEquals("default-src 'self'; connect-src 'self' http://127.0.0.1:8180", policy);
    }

    @Test
    void aSignInAddressThatIsNotAnHttpUrlStopsTheGateway() {
        assertThrows(IllegalArgumentException.class, () -> ConsolePolicy.of("default-src 'self'", "login.example.jp"));
        assertThrows(IllegalArgumentException.class,
                () -> ConsolePolicy.of("default-src 'self'", "javascript:alert(1)"));
    }
}
