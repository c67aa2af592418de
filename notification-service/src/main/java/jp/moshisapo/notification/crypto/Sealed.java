package jp.moshisapo.notification.crypto;

/** A value encrypted with the keyring: which key, and nonce || ciphertext || tag. */
public record Sealed(String keyId, byte[] bytes) {
}
