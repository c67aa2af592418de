package jp.moshisapo.notification.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyringTest {

    private static final String USER = "U0123456789abcdef0123456789abcdef";
    private static final String OLD = "2026-10:" + key(1);
    private static final String NEW = "2026-11:" + key(2);

    @Test
    void sealedUserIdOpensWithTheSameKeyAndDoesNotContainThePlaintext() {
        Keyring keyring = Keyring.parse(NEW, "2026-11");
        Sealed sealed = keyring.seal(USER.getBytes(US_ASCII), Purpose.VISIT_USER_ID);

        assertEquals("2026-11", sealed.keyId());
        assertFalse(new String(sealed.bytes(), US_ASCII).contains(USER));
        assertArrayEquals(USER.getBytes(US_ASCII), keyring.open(sealed, Purpose.VISIT_USER_ID));
    }

    @Test
    void sealingTheSameIdTwiceGivesDifferentCiphertexts() {
        Keyring keyring = Keyring.parse(NEW, "2026-11");
        assertFalse(Arrays.equals(keyring.seal(USER.getBytes(US_ASCII), Purpose.VISIT_USER_ID).bytes(),
                keyring.seal(USER.getBytes(US_ASCII), Purpose.VISIT_USER_ID).bytes()));
    }

    @Test
    void afterRotationOldRowsStillOpenAndNewRowsUseTheNewKey() {
        Sealed before = Keyring.parse(OLD, "2026-10").seal(USER.getBytes(US_ASCII), Purpose.VISIT_USER_ID);
        Keyring rotated = Keyring.parse(OLD + "," + NEW, "2026-11");

        assertArrayEquals(USER.getBytes(US_ASCII), rotated.open(before, Purpose.VISIT_USER_ID));
        assertEquals("2026-11", rotated.seal(USER.getBytes(US_ASCII), Purpose.VISIT_USER_ID).keyId());
    }

    @Test
    void aValueSealedForOneColumnDoesNotOpenAsAnother() {
        Keyring keyring = Keyring.parse(NEW, "2026-11");
        Sealed sealed = keyring.seal(USER.getBytes(US_ASCII), Purpose.VISIT_USER_ID);
        assertThrows(IllegalStateException.class, () -> keyring.open(sealed, Purpose.BATCH_RECIPIENTS));
    }

    @Test
    void alteredCiphertextIsRejected() {
        Keyring keyring = Keyring.parse(NEW, "2026-11");
        Sealed sealed = keyring.seal(USER.getBytes(US_ASCII), Purpose.VISIT_USER_ID);
        sealed.bytes()[20] ^= 1;
        assertThrows(IllegalStateException.class, () -> keyring.open(sealed, Purpose.VISIT_USER_ID));
    }

    @Test
    void aRemovedKeyIsReportedByIdNotAsGarbage() {
        Sealed before = Keyring.parse(OLD, "2026-10").seal(USER.getBytes(US_ASCII), Purpose.VISIT_USER_ID);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Keyring.parse(NEW, "2026-11").open(before, Purpose.VISIT_USER_ID));
        assertTrue(e.getMessage().contains("2026-10"));
    }

    @Test
    void misconfiguredKeysFailAtStartWithAClearMessage() {
        assertThrows(IllegalArgumentException.class, () -> Keyring.parse(NEW, "missing"));
        assertThrows(IllegalArgumentException.class, () -> Keyring.parse("k1:" + Base64.getEncoder()
                .encodeToString(new byte[16]), "k1"));
        assertThrows(IllegalArgumentException.class, () -> Keyring.parse("no-colon", "no-colon"));
        assertThrows(IllegalArgumentException.class, () -> Keyring.parse(NEW + "," + NEW, "2026-11"));
    }

    @Test
    void residentIndexIsStablePerResidentAndDependsOnTheSecret() {
        ResidentIndex index = new ResidentIndex(bytes(7));
        assertArrayEquals(index.keyOf(USER), index.keyOf(USER));
        assertEquals(32, index.keyOf(USER).length);
        assertFalse(Arrays.equals(index.keyOf(USER), index.keyOf("U" + "f".repeat(32))));
        assertNotEquals(Arrays.toString(index.keyOf(USER)), Arrays.toString(new ResidentIndex(bytes(8)).keyOf(USER)));
    }

    private static String key(int fill) {
        return Base64.getEncoder().encodeToString(bytes(fill));
    }

    private static byte[] bytes(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
