package jp.moshisapo.notification.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with named keys: new values are sealed with the active key, old values stay readable as long as
 * their key is listed, which is how keys rotate without rewriting the store. The purpose string is bound in as
 * associated data, so a value sealed for one column cannot be replayed into another.
 */
public final class Keyring {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Cipher objects are not thread-safe and costly to look up; one per thread serves the ingest threads. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(Keyring::newCipher);

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    private Keyring(Map<String, SecretKey> keys, String activeKeyId) {
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active key id '" + activeKeyId + "' is not in the keyring "
                    + keys.keySet());
        }
        this.keys = keys;
        this.activeKeyId = activeKeyId;
    }

    /** Parses {@code keyId:base64key[,keyId:base64key...]}; every key must be 32 bytes (AES-256). */
    public static Keyring parse(String spec, String activeKeyId) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("a visit key must look like keyId:base64key");
            }
            String id = trimmed.substring(0, colon);
            byte[] key = decodeKey(trimmed.substring(colon + 1), "visit key " + id);
            if (key.length != 32) {
                throw new IllegalArgumentException("visit key " + id + " must be 32 bytes, is " + key.length);
            }
            if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("visit key id " + id + " is listed twice");
            }
        }
        return new Keyring(keys, activeKeyId.trim());
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public boolean hasKey(String keyId) {
        return keys.containsKey(keyId);
    }

    public Sealed seal(byte[] plaintext, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return new Sealed(activeKeyId, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public byte[] open(Sealed sealed, String purpose) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no key '" + sealed.keyId() + "' in the keyring: was a key removed "
                    + "while rows still use it?");
        }
        byte[] bytes = sealed.bytes();
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("a sealed value failed authentication (wrong key or altered data)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    static byte[] decodeKey(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base64");
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
