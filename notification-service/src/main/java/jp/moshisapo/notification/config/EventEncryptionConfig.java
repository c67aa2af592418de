package jp.moshisapo.notification.config;

import io.smallrye.config.ConfigMapping;

/**
 * The keyring that opens the LINE user ids checkin-service seals into its events
 * ({@code moshisapo.notification.event-encryption.*}). A secret shared with checkin-service, from
 * {@code EVENT_ENCRYPTION_KEYS}; this service only opens, so it needs no active key id.
 */
@ConfigMapping(prefix = "moshisapo.notification.event-encryption")
public interface EventEncryptionConfig {

    /**
     * {@code keyId:base64(32-byte AES key)[,keyId:base64key...]}: every key that may still have sealed a record
     * on checkin.visits.v1 or checkin.residents.v1 (docs/operations.md, "Key rotation").
     */
    String keys();
}
