package jp.moshisapo.notification.crypto;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.moshisapo.notification.config.EncryptionConfig;

/** Builds the keyring and the resident index from configuration, refusing the local keys where they are banned. */
@ApplicationScoped
public class Secrets {

    /** Key ids starting with this are the published local defaults of application.properties. */
    public static final String LOCAL_ONLY_PREFIX = "local-only";

    @Produces
    @Singleton
    Keyring keyring(EncryptionConfig config) {
        Keyring keyring = Keyring.parse(config.visitKeys(), config.activeKeyId());
        if (keyring.activeKeyId().startsWith(LOCAL_ONLY_PREFIX)) {
            if (config.requireProductionKeys()) {
                throw new IllegalStateException("VISIT_ENCRYPTION_ACTIVE_KEY_ID is a local-only key while "
                        + "production keys are required: set VISIT_ENCRYPTION_KEYS and VISIT_ENCRYPTION_ACTIVE_KEY_ID");
            }
            Log.warn("Visits are encrypted with the published LOCAL-ONLY key; set VISIT_ENCRYPTION_KEYS and "
                    + "VISIT_ENCRYPTION_ACTIVE_KEY_ID outside local runs");
        }
        return keyring;
    }

    @Produces
    @Singleton
    ResidentIndex residentIndex(EncryptionConfig config) {
        if (config.requireProductionKeys() && config.residentIndexKey().equals(LOCAL_RESIDENT_INDEX_KEY)) {
            throw new IllegalStateException("RESIDENT_INDEX_KEY is the local-only default while production keys "
                    + "are required");
        }
        return ResidentIndex.parse(config.residentIndexKey());
    }

    /** Must equal the default in application.properties; only used to refuse it in production. */
    static final String LOCAL_RESIDENT_INDEX_KEY = "bG9jYWwtb25seSByZXNpZGVudCBpbmRleCBrZXkgISEhIQ==";
}
