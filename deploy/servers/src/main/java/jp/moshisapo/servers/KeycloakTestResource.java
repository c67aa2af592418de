package jp.moshisapo.servers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test's OIDC at the shared real Keycloak; tests get real tokens with
 * {@code SharedServers.keycloak().accessToken("staff1", "staff1")}.
 */
public final class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", SharedServers.keycloak().realmUrl());
    }

    @Override
    public void stop() {
        // shared for the whole test JVM; stopped at exit
    }
}
