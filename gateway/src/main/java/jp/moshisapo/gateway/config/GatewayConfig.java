package jp.moshisapo.gateway.config;

import io.smallrye.config.ConfigMapping;

/** Where the gateway forwards to ({@code moshisapo.gateway.*}). */
@ConfigMapping(prefix = "moshisapo.gateway")
public interface GatewayConfig {

    String facilityUrl();

    String checkinUrl();

    String notificationUrl();
}
