package jp.moshisapo.notification.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The blind index of a resident: HMAC-SHA256 of the LINE user id under a secret key. Equal for the same resident,
 * so the store counts distinct residents, deduplicates recipients and erases a resident without decrypting any
 * row; useless to anyone without the key.
 */
public final class ResidentIndex {

    public static final int KEY_BYTES = 32;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> mac;

    public ResidentIndex(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the resident index key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    public static ResidentIndex parse(String base64) {
        return new ResidentIndex(Keyring.decodeKey(base64, "the resident index key"));
    }

    /** 32 bytes identifying the resident with this LINE user id. */
    public byte[] keyOf(String lineUserId) {
        return mac.get().doFinal(lineUserId.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
