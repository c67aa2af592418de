package jp.moshisapo.servers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Keycloak in production mode ({@code kc.sh start}, not start-dev), shaped like {@code deploy/k8s/base/keycloak}:
 * HTTPS with a certificate from the test CA under the public host name, plain HTTP on a second port as the
 * in-cluster back channel ({@code hostname-backchannel-dynamic}), proxy headers {@code xforwarded}, health on the
 * management port, the bootstrap admin from the environment. No realm is imported at start: create it with
 * {@link #admin()} from the production {@code KeycloakRealmImport}, and log users in with {@link #logIn}.
 * <p>
 * It starts a {@link KeycloakDistribution} built with {@link #BUILD_OPTIONS}, {@code --optimized}; each instance keeps
 * its own H2 file database in its run directory.
 */
public final class KeycloakProductionServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true",
            "--metrics-enabled=true");

    private final int httpsPort;
    private final int httpPort;
    private final int managementPort;
    private final Path runDir;
    private final TestCa ca;
    private final TestCa.Leaf certificate;
    private final String adminPassword = randomSecret();
    private final HttpClient http;
    private ChildProcess process;

    private KeycloakProductionServer(Path runDir, TestCa ca) {
        this.httpsPort = Ports.free();
        this.httpPort = Ports.free();
        this.managementPort = Ports.free();
        this.runDir = runDir;
        this.ca = ca;
        this.certificate = ca.localhostLeaf("keycloak-" + httpsPort);
        this.http = HttpClient.newBuilder().sslContext(ca.sslContext()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Builds (once) and starts Keycloak in production mode on free ports; returns when it reports ready. */
    public static KeycloakProductionServer start(TestCa ca) {
        KeycloakProductionServer server = new KeycloakProductionServer(TempDirs.create("keycloak-prod"), ca);
        try {
            server.launch(KeycloakDistribution.built(BUILD_OPTIONS));
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The public origin (the production {@code hostname}): {@code https://localhost:<port>}, the tokens' issuer base. */
    public String publicUrl() {
        return "https://localhost:" + httpsPort;
    }

    /** The in-cluster origin services use ({@code OIDC_AUTH_SERVER_URL}'s host): plain HTTP on loopback. */
    public String backChannelUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The {@code iss} of the realm's tokens: {@code https://localhost:<port>/realms/<realm>}. */
    public String issuer(String realm) {
        return publicUrl() + "/realms/" + realm;
    }

    /** The realm as a service inside the cluster reaches it: {@code http://127.0.0.1:<port>/realms/<realm>}. */
    public String backChannelRealmUrl(String realm) {
        return backChannelUrl() + "/realms/" + realm;
    }

    /** The readiness probe on the management port (HTTPS, the same certificate). */
    public String healthReadyUrl() {
        return "https://localhost:" + managementPort + "/health/ready";
    }

    public Path caCertificateFile() {
        return ca.certificateFile();
    }

    /** Trusts the test CA only: for Java HttpClients that call {@link #publicUrl()}. */
    public SSLContext sslContext() {
        return ca.sslContext();
    }

    /** The admin REST API as the bootstrap admin of the master realm. */
    public KeycloakAdminApi admin() {
        return new KeycloakAdminApi(http, publicUrl(), KeycloakAdminApi.BOOTSTRAP_ADMIN, adminPassword);
    }

    /** The realm's OpenID discovery document as a service fetches it over the back channel. */
    public JsonNode openIdConfiguration(String realm) {
        return KeycloakAdminApi.getJson(http, backChannelRealmUrl(realm) + "/.well-known/openid-configuration");
    }

    /**
     * Logs {@code username} in through the public client {@code clientId} with the authorization-code flow + PKCE,
     * as the staff console does, and returns the access token; fails naming the page when Keycloak shows anything
     * but the redirect (wrong password, a required action such as CONFIGURE_TOTP).
     */
    public String logIn(String realm, String clientId, String redirectUri, String username, String password) {
        return logIn(realm, clientId, redirectUri, username, password, null);
    }

    /** As {@link #logIn(String, String, String, String, String)}, entering a code of {@code totp} when asked. */
    public String logIn(String realm, String clientId, String redirectUri, String username, String password,
            Totp totp) {
        return new AuthorizationCodeLogin(ca.sslContext(), issuer(realm), clientId, redirectUri)
                .logIn(username, password, totp);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
        TempDirs.delete(runDir);
    }

    private void launch(Path home) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--db-url=jdbc:h2:file:" + runDir.resolve("h2/keycloakdb") + ";NON_KEYWORDS=VALUE",
                "--hostname=" + publicUrl(), "--hostname-backchannel-dynamic=true",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort,
                "--https-port=" + httpsPort,
                "--https-certificate-file=" + certificate.certificateFile(),
                "--https-certificate-key-file=" + certificate.privateKeyFile(),
                "--proxy-headers=xforwarded", "--http-management-port=" + managementPort));
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakAdminApi.BOOTSTRAP_ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        process = ChildProcess.start("keycloak-prod", command, runDir, env, runDir.resolve("keycloak.log"));
        Wait.until("Keycloak readiness at " + healthReadyUrl(), START_TIMEOUT, () -> {
            process.requireAlive();
            return ready();
        });
    }

    private boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(healthReadyUrl()))
                    .timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
