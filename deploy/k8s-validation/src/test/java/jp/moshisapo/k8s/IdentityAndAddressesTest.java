package jp.moshisapo.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
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

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyClientIssuesTokensForTheAudienceTheGatewayAndTheServicesRequire(String overlay) {
        Set<String> required = Services.ALL.stream().map(ServiceConfig::of)
                .filter(config -> config.reads("OIDC_AUTH_SERVER_URL"))
                .map(config -> config.property("quarkus.oidc.token.audience")
                        .orElseThrow(() -> new AssertionError(config.service() + " accepts tokens of any client")))
                .collect(Collectors.toSet());
        assertEquals(1, required.size(), "one audience for the whole system: " + required);
        String audience = required.iterator().next();
        for (RealmRepresentation realm : List.of(LOCAL, realm(Overlays.render(overlay)))) {
            for (ClientRepresentation client : realm.getClients()) {
                assertTrue(audiences(client).contains(audience), client.getClientId() + " in "
                        + (realm == LOCAL ? "the local realm" : overlay) + " issues tokens for " + audiences(client));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void gatewayBelievesForwardedClientAddressesOnlyFromTheClustersOwnNetwork(String overlay) {
        assertTrue(ServiceConfig.of("gateway").reads("GATEWAY_TRUSTED_PROXIES"), "the gateway's setting was renamed");
        String proxies = Workload.of(Overlays.render(overlay), "gateway").env().getOrDefault("GATEWAY_TRUSTED_PROXIES", "");
        assertFalse(proxies.isBlank(), "without trusted proxies every client behind the ingress shares its limits");
        for (String range : proxies.split(",")) {
            assertTrue(isPrivateRange(range.trim()), range + ": only the ingress controller's pod range may be "
                    + "trusted, never a public one (anyone there could choose their own rate-limit key)");
        }
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

    /** A CIDR inside 10/8, 172.16/12, 192.168/16 or fc00::/7 (literal addresses only, no DNS). */
    private static boolean isPrivateRange(String cidr) {
        String[] parts = cidr.split("/", 2);
        if (parts.length != 2 || !parts[0].matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            byte[] address = InetAddress.getByName(parts[0]).getAddress();
            int prefix = Integer.parseInt(parts[1]);
            int first = address[0] & 0xff;
            int second = address[1] & 0xff;
            if (address.length == 4) {
                return (first == 10 && prefix >= 8) || (first == 172 && (second & 0xf0) == 16 && prefix >= 12)
                        || (first == 192 && second == 168 && prefix >= 16);
            }
            return (first & 0xfe) == 0xfc && prefix >= 7;
        } catch (java.io.IOException | NumberFormatException e) {
            return false;
        }
    }

    /** The custom audiences a client's mappers put into its access tokens. */
    private static Set<String> audiences(ClientRepresentation client) {
        return Optional.ofNullable(client.getProtocolMappers()).orElse(List.of()).stream()
                .filter(m -> "oidc-audience-mapper".equals(m.getProtocolMapper()))
                .filter(m -> "true".equals(m.getConfig().get("access.token.claim")))
                .map(m -> m.getConfig().get("included.custom.audience"))
                .filter(a -> a != null && !a.isBlank())
                .collect(Collectors.toSet());
    }

    private static Set<String> roleNames(RealmRepresentation realm) {
        return realm.getRoles().getRealm().stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
    }

    private static String ingressHost(Rendered rendered, String name) {
        return rendered.get("Ingress", name).at("/spec/rules/0/host").asText();
    }
}
