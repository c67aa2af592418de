package jp.moshisapo.protocol.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the personal data that travels on Kafka (LINE user ids, raw webhook events) with AES-256-GCM under named
 * keys shared by the producer (checkin-service, {@code EVENT_ENCRYPTION_KEYS} + {@code
 * EVENT_ENCRYPTION_ACTIVE_KEY_ID}) and the consumers (notification-service, the keys only). New values are sealed
 * with the active key; a value stays readable while its key id is listed, which is how keys rotate
 * (docs/operations.md, "Key rotation"). The key id and the purpose (topic and field) are bound in as associated
 * data: a value sealed for one field does not open as another, and a ciphertext relabelled with another key id
 * fails. One implementation for both sides, so they cannot drift apart.
 */
public final class EventKeyring {

    /** The associated-data purposes: topic and field. */
    public static final class Purpose {
        /** {@code checkin.visits.v1}: {@link VisitRecorded#sealedLineUserId()}. */
        public static final String VISIT_LINE_USER_ID = "checkin.visits.v1/sealedLineUserId";
        /** {@code checkin.residents.v1}: {@link ResidentEvent#sealedLineUserId()}. */
        public static final String RESIDENT_LINE_USER_ID = "checkin.residents.v1/sealedLineUserId";
        /** {@code checkin.webhook-events.v1}: the whole record value (one LINE webhook event, minimised). */
        public static final String WEBHOOK_EVENT = "checkin.webhook-events.v1/value";

        private Purpose() {
        }
    }

    /** Key ids starting with this are the published local keys of the dev/test settings and the local stack. */
    public static final String LOCAL_ONLY_PREFIX = "local-only";

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Cipher objects are not thread-safe and costly to look up: one per thread. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(EventKeyring::newCipher);

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    private EventKeyring(Map<String, SecretKey> keys, String activeKeyId) {
        this.keys = Map.copyOf(keys);
        this.activeKeyId = activeKeyId;
    }

    /**
     * Parses {@code keyId:base64key[,keyId:base64key...]} (every key 32 bytes). {@code activeKeyId} names the key
     * that seals; null for a keyring that only opens (a consumer's).
     */
    public static EventKeyring parse(String spec, String activeKeyId) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("the event keyring is empty");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("an event key must look like keyId:base64key");
            }
            String id = trimmed.substring(0, colon);
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("event key " + id + " is not valid base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("event key " + id + " must be 32 bytes, is " + key.length);
            }
            if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("event key id " + id + " is listed twice");
            }
        }
        String active = activeKeyId == null ? null : activeKeyId.trim();
        if (active != null && !keys.containsKey(active)) {
            throw new IllegalArgumentException("the active event key id '" + active + "' is not in the keyring "
                    + keys.keySet());
        }
        return new EventKeyring(keys, active);
    }

    /** The key id new values are sealed with; null for a keyring that only opens. */
    public String activeKeyId() {
        return activeKeyId;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** Seals with the active key. */
    public Sealed seal(byte[] plaintext, String purpose) {
        if (activeKeyId == null) {
            throw new IllegalStateException("this event keyring only opens: it has no active key id");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(activeKeyId, purpose));
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return Sealed.of(activeKeyId, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public Sealed sealText(String text, String purpose) {
        return seal(text.getBytes(StandardCharsets.UTF_8), purpose);
    }

    /** Opens a value; throws {@link UnreadableException} for an unknown key id, a wrong purpose or altered bytes. */
    public byte[] open(Sealed sealed, String purpose) {
        if (sealed == null) {
            throw new UnreadableException("no sealed value");
        }
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new UnreadableException("event key '" + sealed.keyId() + "' is not in the keyring " + keys.keySet()
                    + ": was it removed while records sealed with it were still on the topics?");
        }
        byte[] bytes = sealed.bytes();
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableException("a sealed value is too short");
        }
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(sealed.keyId(), purpose));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // AEADBadTagException above all: wrong key, wrong purpose or altered data. Never the value itself.
            throw new UnreadableException("a sealed value failed authentication (wrong key, purpose or data)");
        }
    }

    public String openText(Sealed sealed, String purpose) {
        return new String(open(sealed, purpose), StandardCharsets.UTF_8);
    }

    /** key id, a zero byte, purpose: unambiguous because neither contains a zero byte. */
    private static byte[] associatedData(String keyId, String purpose) {
        return (keyId + '\0' + purpose).getBytes(StandardCharsets.UTF_8);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** A sealed value that cannot be opened with this keyring; the message never holds the value. */
    public static final class UnreadableException extends RuntimeException {

        public UnreadableException(String message) {
            super(message);
        }
    }
}
