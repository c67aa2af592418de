package jp.moshisapo.facility.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ManagementTokenTest {

    @Test
    void aTokenIs256RandomBitsAndOnlyItsHashIsKept() {
        SecureRandom random = new SecureRandom();
        String token = ManagementToken.generate(random);

        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
        assertNotEquals(token, ManagementToken.generate(random));
        byte[] hash = ManagementToken.hash(token);
        assertEquals(32, hash.length);
        assertTrue(ManagementToken.matches(token, hash));
        assertFalse(ManagementToken.matches(token + "x", hash));
        assertFalse(ManagementToken.matches("", hash));
    }
}
