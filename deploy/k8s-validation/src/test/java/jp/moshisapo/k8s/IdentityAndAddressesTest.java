package jp.moshisapo.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.moshisapo.k8s.strict.Realms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * The cluster's realm is the local realm (deploy/keycloak/moshisapo-realm.json) without its test users and
 * without password grants, and the public addresses agree everywhere they are written: the printed QR codes,
 * the ingress, the console's redirects, Keycloak's issuer and the services' OIDC settings.
 */
class IdentityAndAddressesTest {

    private static final RealmRepresentation LOCAL = Realms.read(
            Yaml.readOne(Repo.ROOT.resolve("deploy/keycloak/moshisapo-realm.json")));

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void clusterRealmIsTheLocalRealmWithoutTestUsersOrPasswordGrants(String overlay) {
        RealmRepresentation realm = realm(Overlays.render(overlay));
        assertEquals(LOCAL.getRealm(), realm.getRealm());
        assertEquals(LOCAL.getDisplayName(), realm.getDisplayName());
        assertEquals(roleNames(LOCAL), roleNames(realm), "realm roles");
        assertTrue(realm.getUsers() == null || realm.getUsers().isEmpty(), "no users are imported into a cluster");
        for (ClientRepresentation client : realm.getClients()) {
            ClientRepresentation local = LOCAL.getClients().stream()
                    .filter(c -> c.getClientId().equals(client.getClientId())).findFirst()
                    .orElseThrow(() -> new AssertionError("client " + client.getClientId() + " is not in the local realm"));
            assertFalse(Boolean.TRUE.equals(client.isDirectAccessGrantsEnabled()),
                    client.getClientId() + ": no password grants outside local tests");
            assertFalse(Boolean.TRUE.equals(client.isImplicitFlowEnabled()), client.getClientId() + ": no implicit flow");
            assertEquals(local.isPublicClient(), client.isPublicClient(), client.getClientId() + " public client");
            assertEquals(local.isStandardFlowEnabled(), client.isStandardFlowEnabled(), client.getClientId());
            assertEquals(local.getAttributes().get("pkce.code.challenge.method"),
                    client.getAttributes().get("pkce.code.challenge.method"), client.getClientId() + " PKCE");
        }
        assertTrue(realm.getClients().stream().noneMatch(c -> c.getClientId().equals("moshisapo-cli")),
                "the local command-line client stays out of clusters");
    }

    @Test
    void consoleRedirectsOnlyToTheGatewaysPublicHttpsAddress() {
        Rendered rendered = Overlays.render("production");
        String gatewayHost = ingressHost(rendered, "gateway");
        for (ClientRepresentation client : realm(rendered).getClients()) {
            for (String uri : client.getRedirectUris()) {
                assertTrue(uri.startsWith("https://" + gatewayHost + "/"), client.getClientId() + " redirect " + uri);
            }
            assertEquals(List.of("https://" + gatewayHost), client.getWebOrigins(), client.getClientId() + " origins");
        }
    }

    @Test
    void printedCodesAndTheIssuerUseThePublicHttpsHostsOfTheIngress() {
        Rendered rendered = Overlays.render("production");
        String gatewayHost = ingressHost(rendered, "gateway");
        String loginHost = ingressHost(rendered, "keycloak");
        assertEquals("https://" + gatewayHost, Workload.of(rendered, "facility-service").env().get("PUBLIC_BASE_URL"),
                "QR codes must point at the gateway's public address");
        assertEquals("https://" + loginHost, rendered.get("Keycloak", "moshisapo-keycloak").at("/spec/hostname/hostname")
                .asText(), "Keycloak's issuer is its public address");
        for (JsonNode ingress : rendered.ofKind("Ingress").toList()) {
            Set<String> tlsHosts = ingress.at("/spec/tls").findValues("hosts").stream()
                    .flatMap(h -> StreamSupport.of(h).map(JsonNode::asText)).collect(Collectors.toSet());
            ingress.at("/spec/rules").forEach(rule -> assertTrue(tlsHosts.contains(rule.get("host").asText()),
                    Rendered.name(ingress) + " serves " + rule.get("host") + " without TLS"));
        }
        assertEquals("true", Workload.of(rendered, "gateway").env().getOrDefault("GATEWAY_HSTS", "true"),
                "an https-only address sends HSTS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void servicesFindTheRealmAtKeycloaksInClusterAddress(String overlay) {
        Rendered rendered = Overlays.render(overlay);
        JsonNode keycloak = rendered.get("Keycloak", "moshisapo-keycloak");
        String expected = "http://" + Rendered.name(keycloak) + "-service:" + keycloak.at("/spec/http/httpPort").asInt()
                + "/realms/" + realm(rendered).getRealm();
        for (String service : Services.ALL) {
            if (ServiceConfig.of(service).reads("OIDC_AUTH_SERVER_URL")) {
                assertEquals(expected, Workload.of(rendered, service).env().get("OIDC_AUTH_SERVER_URL"), service);
            }
        }
        assertTrue(keycloak.at("/spec/hostname/backchannelDynamic").asBoolean(),
                "in-cluster discovery must return in-cluster endpoints while tokens keep the public issuer");
        JsonNode backend = rendered.get("Ingress", "keycloak").at("/spec/rules/0/http/paths/0/backend/service");
        assertEquals(Rendered.name(keycloak) + "-service", backend.path("name").asText());
        assertEquals(keycloak.at("/spec/http/httpPort").asInt(), backend.at("/port/number").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void consoleSendsStaffToSignInAtKeycloaksPublicIssuer(String overlay) {
        Rendered rendered = Overlays.render(overlay);
        String issuer = rendered.get("Keycloak", "moshisapo-keycloak").at("/spec/hostname/hostname").asText()
                + "/realms/" + realm(rendered).getRealm();
        assertEquals(issuer, Workload.of(rendered, "gateway").env().get("CONSOLE_OIDC_URL"),
                "browsers cannot reach the in-cluster address, and tokens must carry the public issuer");
    }

    @Test
    void localOverlayServesTheConsoleAndPrintedCodesOnLocalhost() {
        Rendered rendered = Overlays.render("local");
        assertEquals("localhost", URI.create(Workload.of(rendered, "facility-service").env().get("PUBLIC_BASE_URL"))
                .getHost());
        realm(rendered).getClients().forEach(c -> c.getRedirectUris().forEach(uri ->
                assertEquals("localhost", URI.create(uri.replace("*", "")).getHost(), c.getClientId() + " " + uri)));
    }

    private static RealmRepresentation realm(Rendered rendered) {
        return Realms.read(rendered.get("KeycloakRealmImport", "moshisapo").at("/spec/realm"));
    }

    private static Set<String> roleNames(RealmRepresentation realm) {
        return realm.getRoles().getRealm().stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
    }

    private static String ingressHost(Rendered rendered, String name) {
        return rendered.get("Ingress", name).at("/spec/rules/0/host").asText();
    }
}
