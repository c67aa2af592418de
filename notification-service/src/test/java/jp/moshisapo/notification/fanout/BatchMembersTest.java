package jp.moshisapo.notification.fanout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import jp.moshisapo.notification.crypto.Keyring;
import jp.moshisapo.notification.crypto.ResidentIndex;
import org.junit.jupiter.api.Test;

class BatchMembersTest {

    private static final Keyring KEYRING = Keyring.parse("t:" + Base64.getEncoder().encodeToString(new byte[32]), "t");
    private static final ResidentIndex INDEX = new ResidentIndex(new byte[32]);
    private static final List<String> USERS = List.of("U" + "a".repeat(32), "U" + "b".repeat(32),
            "U" + "c".repeat(32));

    @Test
    void anErasedResidentLeavesBothListsAndTheOthersKeepTheirOwnKeys() {
        BatchMembers batch = BatchMembers.open(KEYRING, new BatchMembers(USERS, keys(USERS)).seal(KEYRING),
                keys(USERS));

        BatchMembers rest = batch.without(k -> Arrays.equals(k, INDEX.keyOf(USERS.get(1))));

        assertEquals(List.of(USERS.get(0), USERS.get(2)), rest.userIds());
        assertArrayEquals(keys(List.of(USERS.get(0), USERS.get(2))), rest.residentKeys());
        BatchMembers reopened = BatchMembers.open(KEYRING, rest.seal(KEYRING), rest.residentKeys());
        assertEquals(rest.userIds(), reopened.userIds(), "the re-sealed list opens to the same recipients");
    }

    @Test
    void aKeyIsFoundOnlyAtAKeyBoundaryAndRemovingTheLastLeavesNoKeys() {
        byte[] keys = keys(USERS);
        byte[] straddling = Arrays.copyOfRange(keys, 16, 48);

        assertTrue(BatchMembers.holds(keys, INDEX.keyOf(USERS.get(2))));
        assertFalse(BatchMembers.holds(keys, straddling), "bytes across two keys are not a key");
        assertArrayEquals(keys(List.of(USERS.get(0), USERS.get(2))),
                BatchMembers.withoutKey(keys, INDEX.keyOf(USERS.get(1))));
        assertNull(BatchMembers.withoutKey(INDEX.keyOf(USERS.get(0)), INDEX.keyOf(USERS.get(0))));
    }

    @Test
    void listsThatDoNotLineUpAreRefusedRatherThanTakingOutTheWrongPerson() {
        assertThrows(IllegalStateException.class, () -> new BatchMembers(USERS, keys(USERS.subList(0, 2))));
    }

    private static byte[] keys(List<String> users) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        users.forEach(u -> out.writeBytes(INDEX.keyOf(u)));
        return out.toByteArray();
    }
}
