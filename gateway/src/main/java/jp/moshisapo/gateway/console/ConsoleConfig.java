package jp.moshisapo.gateway.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the staff console sends staff to sign in ({@code moshisapo.console.*}); served at /console/config.json. */
@ConfigMapping(prefix = "moshisapo.console")
public interface ConsoleConfig {

    /**
     * The realm's address as staff browsers reach it (the token issuer). In a cluster the gateway validates tokens
     * against Keycloak's in-cluster address, which browsers cannot reach, so this is configured separately.
     */
    String oidcUrl();

    /** The public OIDC client of the console (authorization code + PKCE, no secret). */
    @WithDefault("moshisapo-console")
    String clientId();
}
