package jp.moshisapo.protocol.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventKeyringTest {

    private static final String USER = "U" + "0123456789abcdef".repeat(2);
    private static final String K1 = "k1:" + key('1');
    private static final String K2 = "k2:" + key('2');

    @Test
    void aVisitCarriesTheLineUserIdOnlySealedAndTheConsumerOpensIt() {
        EventKeyring producer = EventKeyring.parse(K1, "k1");
        VisitRecorded visit = VisitRecorded.of(UUID.randomUUID(), USER, "7K3M9QXR0", Instant.now(), Instant.now(),
                producer);

        assertEquals("k1", visit.sealedLineUserId().keyId());
        assertFalse(visit.toString().contains(USER));
        assertFalse(new String(Base64.getDecoder().decode(visit.sealedLineUserId().ciphertext()))
                .contains(USER));
        assertEquals(USER, visit.lineUserId(EventKeyring.parse(K1, null)));
    }

    @Test
    void theSameIdSealsDifferentlyEachTime() {
        EventKeyring keys = EventKeyring.parse(K1, "k1");
        assertNotEquals(keys.sealText(USER, "p").ciphertext(), keys.sealText(USER, "p").ciphertext());
    }

    @Test
    void afterRotationOldValuesStayReadableWhileTheirKeyIsListed() {
        Sealed old = EventKeyring.parse(K1, "k1").sealText(USER, "p");
        EventKeyring rotated = EventKeyring.parse(K1 + "," + K2, "k2");

        assertEquals("k2", rotated.sealText(USER, "p").keyId());
        assertEquals(USER, rotated.openText(old, "p"));
        assertThrows(EventKeyring.UnreadableException.class,
                () -> EventKeyring.parse(K2, "k2").openText(old, "p"), "k1 removed: no longer readable");
    }

    @Test
    void aValueDoesNotOpenForAnotherPurposeOrUnderAnotherKeyId() {
        EventKeyring keys = EventKeyring.parse(K1 + ",k3:" + key('1'), "k1");
        Sealed sealed = keys.sealText(USER, EventKeyring.Purpose.VISIT_LINE_USER_ID);

        assertThrows(EventKeyring.UnreadableException.class,
                () -> keys.openText(sealed, EventKeyring.Purpose.RESIDENT_LINE_USER_ID));
        // k3 holds the same key bytes: only the key id bound as associated data tells them apart.
        Sealed relabelled = new Sealed("k3", sealed.ciphertext());
        assertThrows(EventKeyring.UnreadableException.class,
                () -> keys.openText(relabelled, EventKeyring.Purpose.VISIT_LINE_USER_ID));
    }

    @Test
    void anAlteredCiphertextIsRefusedWithoutNamingTheValue() {
        EventKeyring keys = EventKeyring.parse(K1, "k1");
        byte[] bytes = Base64.getDecoder().decode(keys.sealText(USER, "p").ciphertext());
        bytes[20] ^= 1;
        var e = assertThrows(EventKeyring.UnreadableException.class,
                () -> keys.openText(new Sealed("k1", Base64.getEncoder().encodeToString(bytes)), "p"));
        assertFalse(e.getMessage().contains(USER));
    }

    @Test
    void aBadKeyringIsRefusedAtParse() {
        assertThrows(IllegalArgumentException.class, () -> EventKeyring.parse("k1:" + "AAAA", "k1"));
        assertThrows(IllegalArgumentException.class, () -> EventKeyring.parse(K1, "k2"));
        assertThrows(IllegalArgumentException.class, () -> EventKeyring.parse(K1 + "," + K1, "k1"));
        assertThrows(IllegalStateException.class, () -> EventKeyring.parse(K1, null).sealText(USER, "p"));
        assertTrue(EventKeyring.parse(K1 + "," + K2, null).keyIds().contains("k2"));
    }

    private static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
    }
}
