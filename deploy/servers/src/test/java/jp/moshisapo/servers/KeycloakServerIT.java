package jp.moshisapo.servers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeycloakServerIT {

    @Test
    void localUsersGetRealTokensWithTheirRolesAndWrongPasswordsAreRefused() {
        KeycloakServer keycloak = SharedServers.keycloak();

        String staff = claims(keycloak.accessToken("staff1", "staff1"));
        String approver = claims(keycloak.accessToken("approver1", "approver1"));

        assertTrue(staff.contains("\"iss\":\"" + keycloak.realmUrl() + "\""), staff);
        assertTrue(staff.contains("\"staff\"") && !staff.contains("\"approver\""), staff);
        assertTrue(approver.contains("\"approver\"") && approver.contains("\"staff\""), approver);
        assertThrows(IllegalStateException.class, () -> keycloak.accessToken("staff1", "wrong"));
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
