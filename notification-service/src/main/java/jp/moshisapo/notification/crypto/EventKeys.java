package jp.moshisapo.notification.crypto;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.moshisapo.notification.config.EncryptionConfig;
import jp.moshisapo.notification.config.EventEncryptionConfig;
import jp.moshisapo.protocol.events.EventKeyring;

/** Builds the keyring that opens sealed ids in checkin-service's events (open only: this service never seals). */
@ApplicationScoped
public class EventKeys {

    @Produces
    @Singleton
    EventKeyring eventKeyring(EventEncryptionConfig config, EncryptionConfig encryption) {
        EventKeyring keyring = EventKeyring.parse(config.keys(), null);
        boolean onlyLocal = keyring.keyIds().stream().allMatch(id -> id.startsWith(EventKeyring.LOCAL_ONLY_PREFIX));
        if (onlyLocal && encryption.requireProductionKeys()) {
            throw new IllegalStateException("EVENT_ENCRYPTION_KEYS holds only local-only keys while production keys "
                    + "are required");
        }
        if (onlyLocal) {
            Log.warn("Events are opened with the published LOCAL-ONLY event key; set EVENT_ENCRYPTION_KEYS outside "
                    + "local runs");
        }
        return keyring;
    }
}
