package jp.moshisapo.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Keys that protect LINE user ids at rest ({@code moshisapo.notification.encryption.*}), from the environment
 * (a Kubernetes Secret in the cluster). The defaults are local-only keys, published in this repository.
 */
@ConfigMapping(prefix = "moshisapo.notification.encryption")
public interface EncryptionConfig {

    /** {@code keyId:base64(32-byte AES key)[,keyId:base64key...]}: every key still needed to decrypt (rotation). */
    String visitKeys();

    /** The key id new rows are encrypted with. */
    String activeKeyId();

    /** Base64 HMAC-SHA256 key of the blind index {@code resident_key}; changing it orphans every stored visit. */
    String residentIndexKey();

    /** Set in the cluster: refuse to start with the published local-only keys. */
    @WithDefault("false")
    boolean requireProductionKeys();
}
