package jp.moshisapo.facility.config;

import io.smallrye.config.ConfigMapping;

/** facility-service settings ({@code moshisapo.facility.*}). */
@ConfigMapping(prefix = "moshisapo.facility")
public interface FacilityConfig {

    /** The public address residents and venues reach (the gateway); QR codes encode {@code <this>/c/<code>}. */
    String publicBaseUrl();

    /** The LINE official account's basic id (with {@code @}), target of the check-in redirect. */
    String lineBotBasicId();
}
