package jp.moshisapo.notification;

import static org.awaitility.Awaitility.await;
import java.time.Duration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import jp.moshisapo.servers.KeycloakServer;
import jp.moshisapo.servers.SharedServers;

/** Tokens an attacker or an old session would present: forged, tampered with, expired. */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SHORT_LIVED_CLIENT = "notification-it-short-lived";
    private static final String OTHER_CLIENT = "notification-it-other-application";
    /** The audience the realm's staff clients put into their tokens (deploy/keycloak/moshisapo-realm.json). */
    private static final String API_AUDIENCE_MAPPER = """
            "protocolMappers": [{"name": "audience", "protocol": "openid-connect",
              "protocolMapper": "oidc-audience-mapper", "config": {"included.custom.audience": "moshisapo-api",
              "access.token.claim": "true", "id.token.claim": "false"}}]""";

    private Tokens() {
    }

    /** The real token's claims, with the approver role added, signed by a key Keycloak never had. */
    public static String forgedApprover(String realToken) {
        try {
            String[] parts = realToken.split("\\.");
            ObjectNode claims = withApproverRole(parts[1]);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey attackerKey = generator.generateKeyPair().getPrivate();
            String signingInput = parts[0] + "." + URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(attackerKey);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real token with the approver role written into its claims and the original signature kept. */
    public static String tamperedApprover(String realToken) {
        try {
            String[] parts = realToken.split("\\.");
            return parts[0] + "." + URL.encodeToString(JSON.writeValueAsBytes(withApproverRole(parts[1]))) + "."
                    + parts[2];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A genuine Keycloak token for {@code user} that lives one second: issued through a client whose access
     * token lifespan is 1 s (created once through the admin API), returned once it has expired.
     */
    public static String expired(String user) {
        KeycloakServer keycloak = SharedServers.keycloak();
        ensureClient(keycloak, """
                {"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true,
                 "standardFlowEnabled": false, "attributes": {"access.token.lifespan": "1"}, %s}
                """.formatted(SHORT_LIVED_CLIENT, API_AUDIENCE_MAPPER));
        String token = passwordGrant(keycloak, SHORT_LIVED_CLIENT, user);
        long exp = claims(token).path("exp").asLong();
        await("the short-lived token expired").atMost(java.time.Duration.ofSeconds(30)).until(
                () -> Instant.now().getEpochSecond() > exp + 1);
        return token;
    }

    /** A genuine, valid token of {@code user}, issued to another application of the same realm (no API audience). */
    public static String ofAnotherClient(String user) {
        KeycloakServer keycloak = SharedServers.keycloak();
        ensureClient(keycloak, """
                {"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true,
                 "standardFlowEnabled": false}
                """.formatted(OTHER_CLIENT));
        return passwordGrant(keycloak, OTHER_CLIENT, user);
    }

    private static String passwordGrant(KeycloakServer keycloak, String client, String user) {
        return post(keycloak.realmUrl() + "/protocol/openid-connect/token", null,
                "grant_type=password&client_id=" + client + "&username=" + user + "&password=" + user)
                .path("access_token").asText();
    }

    public static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode withApproverRole(String payload) throws IOException {
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(payload));
        ArrayNode roles = claims.with("realm_access").withArray("roles");
        roles.add("approver");
        return claims;
    }

    private static synchronized void ensureClient(KeycloakServer keycloak, String client) {
        String admin = post(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token", null,
                "grant_type=password&client_id=admin-cli&username=admin&password=admin").path("access_token").asText();
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/"
                + KeycloakServer.REALM + "/clients")).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(client)).build();
        int status = send(request).statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Keycloak refused the test client: HTTP " + status);
        }
    }

    private static JsonNode post(String url, String bearer, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = send(request.build());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON from " + URLEncoder.encode(url, StandardCharsets.UTF_8), e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
