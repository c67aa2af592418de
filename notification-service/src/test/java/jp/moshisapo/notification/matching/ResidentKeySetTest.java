package jp.moshisapo.notification.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResidentKeySetTest {

    @Test
    void aMillionResidentsAreEachAddedOnceAndFoundAgain() {
        Random random = new Random(42);
        ResidentKeySet set = new ResidentKeySet();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            keys.add(key);
            assertTrue(set.add(key));
        }
        assertEquals(1_000_000, set.size());
        for (byte[] key : keys) {
            assertFalse(set.add(key), "a resident planned twice");
            assertTrue(set.contains(key));
        }
        byte[] stranger = new byte[32];
        random.nextBytes(stranger);
        assertFalse(set.contains(stranger));
    }

    @Test
    void batchResidentKeysAreReadBackFromTheirConcatenation() {
        ByteArrayOutputStream column = new ByteArrayOutputStream();
        byte[] a = filled(1);
        byte[] b = filled(2);
        column.writeBytes(a);
        column.writeBytes(b);

        ResidentKeySet set = new ResidentKeySet();
        set.addAll(column.toByteArray());
        set.addAll(null);

        assertEquals(2, set.size());
        assertTrue(set.contains(a));
        assertTrue(set.contains(b));
        assertFalse(set.contains(filled(3)));
    }

    @Test
    void theAllZeroKeyIsAnOrdinaryMember() {
        ResidentKeySet set = new ResidentKeySet();
        assertFalse(set.contains(new byte[32]));
        assertTrue(set.add(new byte[32]));
        assertFalse(set.add(new byte[32]));
        assertTrue(set.contains(new byte[32]));
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) value);
        return key;
    }
}
