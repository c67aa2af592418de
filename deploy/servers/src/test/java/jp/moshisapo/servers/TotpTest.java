package jp.moshisapo.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TotpTest {

    @Test
    void codesMatchTheRfc6238Sha1Vectors() {
        Totp totp = Totp.of("12345678901234567890");

        assertEquals("287082", totp.code(59 / 30));
        assertEquals("081804", totp.code(1111111109L / 30));
        assertEquals("353130", totp.code(20000000000L / 30));
    }
}
