package jp.moshisapo.servers;

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
import java.time.Duration;
import java.util.List;

/**
 * Keycloak's admin REST API as an administrator uses it after installation: create the realm, create staff
 * accounts with a password and realm roles. Every call fetches a fresh master-realm token (they live 60 s).
 */
public final class KeycloakAdminApi {

    static final String BOOTSTRAP_ADMIN = "admin";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to do with the required actions (e.g. CONFIGURE_TOTP) the realm gives a new user by default. */
    public enum RequiredActions {
        /** Remove them, so {@link KeycloakProductionServer#logIn} ends in the redirect. */
        CLEAR,
        /** Leave them: the first login stops at the required action's page. */
        KEEP
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String username;
    private final String password;

    KeycloakAdminApi(HttpClient http, String baseUrl, String username, String password) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    /** Creates a realm from its representation (e.g. {@code spec.realm} of a {@code KeycloakRealmImport}). */
    public void createRealm(JsonNode realm) {
        send("POST", "/admin/realms", realm, 201);
    }

    /** Creates a realm from its JSON representation. */
    public void createRealm(String realmJson) {
        try {
            createRealm(JSON.readTree(realmJson));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a realm JSON document: " + e.getMessage(), e);
        }
    }

    /** Creates an enabled user with a permanent password and realm roles, clearing default required actions. */
    public String createUser(String realm, String username, String password, List<String> realmRoles) {
        return createUser(realm, username, password, realmRoles, RequiredActions.CLEAR);
    }

    /**
     * Creates an enabled user with a permanent password (the realm's password policy applies) and the given realm
     * roles, and returns its id. Email and names are filled in so the user profile asks for nothing at login.
     */
    public String createUser(String realm, String username, String password, List<String> realmRoles,
            RequiredActions requiredActions) {
        return createUser(realm, username, password, realmRoles, requiredActions, null);
    }

    /**
     * Creates a user as {@link #createUser(String, String, String, List)} does, with a TOTP authenticator already
     * registered (as if the user had scanned the QR code), so a login that asks for a one-time code (approvers in
     * the production realm) can be completed with {@link KeycloakProductionServer#logIn(String, String, String,
     * String, String, Totp)}.
     */
    public Totp createUserWithTotp(String realm, String username, String password, List<String> realmRoles) {
        Totp totp = Totp.random();
        createUser(realm, username, password, realmRoles, RequiredActions.CLEAR, totp);
        return totp;
    }

    private String createUser(String realm, String username, String password, List<String> realmRoles,
            RequiredActions requiredActions, Totp totp) {
        ObjectNode user = JSON.createObjectNode()
                .put("username", username)
                .put("enabled", true)
                .put("email", username + "@moshisapo.test")
                .put("emailVerified", true)
                .put("firstName", username)
                .put("lastName", "Drill");
        ArrayNode credentials = user.putArray("credentials");
        credentials.addObject().put("type", "password").put("value", password).put("temporary", false);
        if (totp != null) {
            // The stored form of an OTP credential, as a realm export writes it.
            credentials.addObject().put("type", "otp").put("userLabel", "drill authenticator")
                    .put("secretData", JSON.createObjectNode().put("value", totp.secret()).toString())
                    .put("credentialData", JSON.createObjectNode().put("subType", "totp").put("digits", 6)
                            .put("counter", 0).put("period", 30).put("algorithm", "HmacSHA1").toString());
        }
        HttpResponse<String> created = send("POST", "/admin/realms/" + realm + "/users", user, 201);
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Keycloak created " + username + " without a Location"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        // The update first: a user representation written back after the role mapping can drop the mapping.
        if (requiredActions == RequiredActions.CLEAR) {
            ObjectNode update = (ObjectNode) getJson(realm, "/users/" + id);
            update.putArray("requiredActions");
            send("PUT", "/admin/realms/" + realm + "/users/" + id, update, 204);
        }
        ArrayNode roles = JSON.createArrayNode();
        for (String role : realmRoles) {
            roles.add(getJson(realm, "/roles/" + URLEncoder.encode(role, StandardCharsets.UTF_8)));
        }
        if (!roles.isEmpty()) {
            send("POST", "/admin/realms/" + realm + "/users/" + id + "/role-mappings/realm", roles, 204);
        }
        JsonNode mapped = getJson(realm, "/users/" + id + "/role-mappings/realm");
        for (String role : realmRoles) {
            boolean found = false;
            for (JsonNode mapping : mapped) {
                found |= role.equals(mapping.path("name").asText());
            }
            if (!found) {
                throw new IllegalStateException("Keycloak did not keep realm role " + role + " of " + username);
            }
        }
        return id;
    }

    /** GET {@code /admin/realms/<realm><path>} as JSON. */
    public JsonNode getJson(String realm, String path) {
        return parse(send("GET", "/admin/realms/" + realm + path, null, 200).body());
    }

    static JsonNode getJson(HttpClient http, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build();
        HttpResponse<String> response = call(http, request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return parse(response.body());
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak answered something that is not JSON: " + json, e);
        }
    }

    static HttpResponse<String> call(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpResponse<String> send(String method, String path, JsonNode body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> response = call(http, request.build());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " (expected "
                    + expectedStatus + "): " + response.body());
        }
        return response;
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = call(http, request);
        JsonNode token = response.statusCode() == 200 ? parse(response.body()).path("access_token") : null;
        if (token == null || !token.isTextual()) {
            throw new IllegalStateException("Keycloak refused the admin token: " + response.statusCode() + " "
                    + response.body());
        }
        return token.asText();
    }
}
