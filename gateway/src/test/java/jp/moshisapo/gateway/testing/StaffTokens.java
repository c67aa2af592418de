package jp.moshisapo.gateway.testing;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.moshisapo.servers.KeycloakServer;

/**
 * Tokens for the staff tests, all real: issued by the test's Keycloak, or real ones altered the way an attacker
 * would (payload edited; re-signed with the attacker's own key). Two test clients are added to the realm through
 * Keycloak's admin API, so the realm file is not touched: one with a 5-second token lifespan (for an expired
 * token; it names the API as audience like the realm's own clients), and one without the API's audience (another
 * application of the same realm, whose tokens this system must refuse).
 */
public final class StaffTokens {

    public static final String SHORT_LIVED_CLIENT = "gateway-test-short-lived";
    public static final String OTHER_CLIENT = "gateway-test-other-application";
    /** The audience the realm's staff clients put into their tokens (deploy/keycloak/moshisapo-realm.json). */
    public static final String API_AUDIENCE = "moshisapo-api";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");
    private static final Pattern AUD = Pattern.compile("\"aud\"\\s*:\\s*(\\[[^]]*]|\"[^\"]*\")");
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    private static final Base64.Encoder B64OUT = Base64.getUrlEncoder().withoutPadding();

    private final KeycloakServer keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public StaffTokens(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    public String valid(String user) {
        return keycloak.accessToken(user, user);
    }

    /** A real token of {@code user} whose payload was edited (made an approver) without re-signing. */
    public String withEditedPayload(String user) {
        String[] parts = valid(user).split("\\.");
        String payload = new String(B64.decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"staff\"", "\"staff\",\"approver\"");
        return parts[0] + "." + B64OUT.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** A real token's header and claims, signed with a key the issuer never had (same key id). */
    public String signedWithForeignKey(String user) throws GeneralSecurityException {
        String[] parts = valid(user).split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair attacker = generator.generateKeyPair();
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(attacker.getPrivate());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return parts[0] + "." + parts[1] + "." + B64OUT.encodeToString(rs256.sign());
    }

    /** A real token of {@code user} that expires 5 s after issue. */
    public String shortLived(String user) {
        ensureClient("{\"clientId\":\"" + SHORT_LIVED_CLIENT + "\",\"enabled\":true,\"publicClient\":true,"
                + "\"directAccessGrantsEnabled\":true,\"standardFlowEnabled\":false,"
                + "\"attributes\":{\"access.token.lifespan\":\"5\"},"
                + "\"protocolMappers\":[{\"name\":\"audience\",\"protocol\":\"openid-connect\","
                + "\"protocolMapper\":\"oidc-audience-mapper\",\"config\":{\"included.custom.audience\":\""
                + API_AUDIENCE + "\",\"access.token.claim\":\"true\",\"id.token.claim\":\"false\"}}]}");
        return passwordGrant(SHORT_LIVED_CLIENT, user);
    }

    /** A real, valid token of {@code user}, issued to another client of the same realm (no API audience). */
    public String ofAnotherClient(String user) {
        ensureClient("{\"clientId\":\"" + OTHER_CLIENT + "\",\"enabled\":true,\"publicClient\":true,"
                + "\"directAccessGrantsEnabled\":true,\"standardFlowEnabled\":false}");
        return passwordGrant(OTHER_CLIENT, user);
    }

    /** The token's {@code aud} claim as written (a string or an array), for assertions. */
    public static String audience(String token) {
        String payload = new String(B64.decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher aud = AUD.matcher(payload);
        return aud.find() ? aud.group(1) : "";
    }

    private String passwordGrant(String clientId, String user) {
        return tokenResponse("grant_type=password&client_id=" + clientId + "&username=" + user
                + "&password=" + user, keycloak.realmUrl());
    }

    public static long expiresAtEpochSecond(String token) {
        String payload = new String(B64.decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher exp = EXP.matcher(payload);
        if (!exp.find()) {
            throw new IllegalStateException("token without exp");
        }
        return new BigInteger(exp.group(1)).longValueExact();
    }

    private void ensureClient(String client) {
        String admin = tokenResponse("grant_type=password&client_id=admin-cli&username="
                + enc(System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")) + "&password="
                + enc(System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")),
                keycloak.baseUrl() + "/realms/master");
        HttpResponse<String> created = send(HttpRequest.newBuilder(
                        URI.create(keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/clients"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client))
                .build());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Keycloak refused the test client: " + created.statusCode() + " "
                    + created.body());
        }
    }

    private String tokenResponse(String form, String realmUrl) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token: HTTP " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("Keycloak request failed: " + e.getMessage(), e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
