package jp.moshisapo.gateway.config;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;

/**
 * What the gateway must not start without in production: the issuer of staff tokens. It refers to the property
 * that reads {@code OIDC_AUTH_SERVER_URL} without a default outside dev and test, so a missing variable stops the
 * start with a line naming it: "SRCFG00011: Could not expand value OIDC_AUTH_SERVER_URL in property …". (Quarkus
 * would take its own optional setting as merely absent and refuse every staff call later.)
 */
// Unremovable: nothing injects it; it exists to be validated at start.
@Unremovable
@ConfigMapping(prefix = "moshisapo.required")
public interface RequiredSettings {

    String oidcServer();
}
