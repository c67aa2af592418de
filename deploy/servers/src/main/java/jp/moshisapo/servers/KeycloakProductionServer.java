package jp.moshisapo.servers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * Keycloak in production mode ({@code kc.sh start}, not start-dev), shaped like {@code deploy/k8s/base/keycloak}:
 * HTTPS with a certificate from the test CA under the public host name, plain HTTP on a second port as the
 * in-cluster back channel ({@code hostname-backchannel-dynamic}), proxy headers {@code xforwarded}, health on the
 * management port, the bootstrap admin from the environment. No realm is imported at start: create it with
 * {@link #admin()} from the production {@code KeycloakRealmImport}, and log users in with {@link #logIn}.
 * <p>
 * The distribution is built once per set of build options ({@code kc.sh build}) into ~/.cache/moshisapo and each
 * instance starts it with {@code --optimized}, which leaves the built copy untouched; each instance keeps its own
 * H2 file database in its run directory.
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
            server.launch(builtDistribution());
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

    /**
     * The unpacked distribution after {@code kc.sh build} with {@link #BUILD_OPTIONS}, cached per options (a
     * non-optimized start would rewrite {@code lib/quarkus}, so each configuration needs its own copy).
     */
    private static synchronized Path builtDistribution() {
        Path pristine = KeycloakServer.unpackedDistribution();
        Path built = pristine.resolveSibling(pristine.getFileName() + "-built-" + optionsKey());
        Path marker = built.resolve(".moshisapo-built");
        if (Files.exists(marker)) {
            return built;
        }
        Path staging = pristine.resolveSibling(built.getFileName() + ".building-" + ProcessHandle.current().pid());
        try {
            copyTree(pristine, staging);
            runBuild(staging);
            Files.writeString(staging.resolve(".moshisapo-built"), String.join(" ", BUILD_OPTIONS));
            Files.move(staging, built, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(marker)) {
                throw new ServerStartException("cannot build Keycloak into " + built + ": " + e.getMessage(), e);
            }
        } finally {
            TempDirs.delete(staging);
        }
        return built;
    }

    private static void runBuild(Path home) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        Path log = home.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process build = builder.start();
        try {
            if (!build.waitFor(5, TimeUnit.MINUTES)) {
                build.destroyForcibly();
                throw new ServerStartException("kc.sh build did not finish within 5 minutes");
            }
        } catch (InterruptedException e) {
            build.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while building Keycloak", e);
        }
        if (build.exitValue() != 0) {
            throw new ServerStartException("kc.sh build failed with " + build.exitValue() + ":\n"
                    + Files.readString(log));
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String optionsKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(" ", BUILD_OPTIONS).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
