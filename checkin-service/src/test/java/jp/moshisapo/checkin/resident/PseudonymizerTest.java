package jp.moshisapo.checkin.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class PseudonymizerTest {

    private static final String USER = "U" + "0123456789abcdef".repeat(2);

    @Test
    void theSameResidentAlwaysGetsTheSamePseudonym() {
        assertEquals(new Pseudonymizer("key").pseudonymOf(USER), new Pseudonymizer("key").pseudonymOf(USER));
    }

    @Test
    void anotherKeyGivesAnUnrelatedPseudonym() {
        assertNotEquals(new Pseudonymizer("key").pseudonymOf(USER), new Pseudonymizer("other").pseudonymOf(USER));
    }

    @Test
    void aResidentPrintsAsAShortPseudonymNeverTheLineUserId() {
        Resident resident = new Pseudonymizer("key").resident(USER);
        assertFalse(resident.toString().contains(USER));
        assertEquals("resident:".length() + 8, resident.toString().length());
    }
}
