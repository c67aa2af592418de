package jp.moshisapo.notification.fanout;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import jp.moshisapo.notification.crypto.Keyring;
import jp.moshisapo.notification.crypto.Purpose;
import jp.moshisapo.notification.crypto.Sealed;
import jp.moshisapo.notification.matching.ResidentKeySet;

/**
 * A batch's recipients with their resident keys, index-aligned (the i-th key is the i-th LINE user id's), as the
 * planner wrote them: so a resident known only by their key (an erasure) can be taken out of the sealed list.
 */
record BatchMembers(List<String> userIds, byte[] residentKeys) {

    private static final int KEY = ResidentKeySet.KEY_BYTES;

    BatchMembers {
        if (residentKeys.length != (long) userIds.size() * KEY) {
            throw new IllegalStateException("a batch's recipients and resident keys are not aligned ("
                    + userIds.size() + " recipients, " + residentKeys.length / KEY + " keys)");
        }
    }

    static BatchMembers open(Keyring keyring, Sealed recipients, byte[] residentKeys) {
        String joined = new String(keyring.open(recipients, Purpose.BATCH_RECIPIENTS), StandardCharsets.US_ASCII);
        return new BatchMembers(List.of(joined.split("\n")), residentKeys == null ? new byte[0] : residentKeys);
    }

    int size() {
        return userIds.size();
    }

    /** The members whose resident key does not match. */
    BatchMembers without(Predicate<byte[]> leaveOut) {
        List<String> ids = new ArrayList<>(userIds.size());
        ByteArrayOutputStream keys = new ByteArrayOutputStream(residentKeys.length);
        for (int i = 0; i < userIds.size(); i++) {
            byte[] key = Arrays.copyOfRange(residentKeys, i * KEY, (i + 1) * KEY);
            if (!leaveOut.test(key)) {
                ids.add(userIds.get(i));
                keys.writeBytes(key);
            }
        }
        return new BatchMembers(List.copyOf(ids), keys.toByteArray());
    }

    Sealed seal(Keyring keyring) {
        return keyring.seal(String.join("\n", userIds).getBytes(StandardCharsets.US_ASCII), Purpose.BATCH_RECIPIENTS);
    }

    /** Whether a concatenation of resident keys holds {@code key} at a key boundary. */
    static boolean holds(byte[] concatenated, byte[] key) {
        return concatenated != null && indexOf(concatenated, key) >= 0;
    }

    /** The concatenation without {@code key}; null when nothing is left (the column's "no keys"). */
    static byte[] withoutKey(byte[] concatenated, byte[] key) {
        int at = indexOf(concatenated, key);
        if (at < 0) {
            return concatenated;
        }
        byte[] rest = new byte[concatenated.length - KEY];
        System.arraycopy(concatenated, 0, rest, 0, at * KEY);
        System.arraycopy(concatenated, (at + 1) * KEY, rest, at * KEY, rest.length - at * KEY);
        return rest.length == 0 ? null : rest;
    }

    private static int indexOf(byte[] concatenated, byte[] key) {
        for (int i = 0; (i + 1) * KEY <= concatenated.length; i++) {
            if (Arrays.equals(concatenated, i * KEY, (i + 1) * KEY, key, 0, KEY)) {
                return i;
            }
        }
        return -1;
    }
}
