package jp.moshisapo.protocol.events;

import java.util.Base64;
import java.util.Objects;

/**
 * A value sealed with the {@link EventKeyring} as it travels in an event: which key ({@code keyId}, so keys can
 * rotate) and {@code ciphertext} = base64(nonce ‖ AES-256-GCM ciphertext ‖ tag). The JSON shape is
 * {@code {"keyId": …, "ciphertext": …}} (docs/events/sealed.schema.json).
 */
public record Sealed(String keyId, String ciphertext) {

    public Sealed {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    static Sealed of(String keyId, byte[] bytes) {
        return new Sealed(keyId, Base64.getEncoder().encodeToString(bytes));
    }

    byte[] bytes() {
        try {
            return Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new EventKeyring.UnreadableException("the ciphertext is not base64");
        }
    }

    @Override
    public String toString() {
        return "Sealed[keyId=" + keyId + "]";
    }
}
