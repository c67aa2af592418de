package jp.moshisapo.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keycloak in production mode with the production realm of deploy/k8s, as the parity drill uses it. */
class KeycloakProductionServerIT {

    private static final String REALM = "moshisapo";
    private static final String CONSOLE = "moshisapo-console";
    private static final String CONSOLE_REDIRECT = "https://moshisapo.example.jp/console/";
    private static final String PASSWORD = "drill-password-1";

    private static KeycloakProductionServer keycloak;

    @BeforeAll
    static void startKeycloak() throws IOException {
        keycloak = KeycloakProductionServer.start(TestCa.create());
        JsonNode realmImport = new YAMLMapper().readTree(Path.of("../k8s/base/keycloak/realm-import.yaml").toFile());
        keycloak.admin().createRealm(realmImport.at("/spec/realm"));
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void discoveryOverTheBackChannelNamesThePublicHttpsIssuer() {
        JsonNode discovery = keycloak.openIdConfiguration(REALM);

        assertEquals(keycloak.issuer(REALM), discovery.path("issuer").asText());
        assertTrue(keycloak.issuer(REALM).startsWith("https://localhost:"), keycloak.issuer(REALM));
        assertTrue(discovery.path("jwks_uri").asText().startsWith(keycloak.backChannelUrl()),
                discovery.path("jwks_uri").asText());
    }

    @Test
    void theAuthorizationCodeLoginGivesATokenOfThePublicIssuerWithTheUsersRoles() throws IOException {
        keycloak.admin().createUser(REALM, "staff-drill", PASSWORD, List.of("staff"));

        JsonNode claims = claims(keycloak.logIn(REALM, CONSOLE, CONSOLE_REDIRECT, "staff-drill", PASSWORD));

        assertEquals(keycloak.issuer(REALM), claims.path("iss").asText());
        assertEquals(List.of("staff"), roles(claims).stream().filter(List.of("staff", "approver")::contains).toList());
    }

    @Test
    void anApproverLogsInWithAOneTimeCodeFromTheirAuthenticator() throws IOException {
        Totp authenticator = keycloak.admin().createUserWithTotp(REALM, "approver-drill", PASSWORD,
                List.of("staff", "approver"));

        JsonNode claims = claims(keycloak.logIn(REALM, CONSOLE, CONSOLE_REDIRECT, "approver-drill", PASSWORD,
                authenticator));

        assertTrue(roles(claims).containsAll(List.of("staff", "approver")), roles(claims).toString());
    }

    @Test
    void aWrongPasswordEndsOnTheLoginPageWithAClearMessage() {
        keycloak.admin().createUser(REALM, "wrong-password-drill", PASSWORD, List.of("staff"));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> keycloak.logIn(REALM, CONSOLE, CONSOLE_REDIRECT, "wrong-password-drill", "wrong-password-1"));
        assertTrue(e.getMessage().contains("instead of redirecting it answered HTTP 200"), e.getMessage());
        assertFalse(e.getMessage().contains("Location"), e.getMessage());
    }

    private static JsonNode claims(String jwt) throws IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }
}
