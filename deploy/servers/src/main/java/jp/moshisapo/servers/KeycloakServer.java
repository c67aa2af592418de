package jp.moshisapo.servers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Keycloak for local use and tests: a {@link KeycloakDistribution} built for an H2 file database, started
 * with {@code kc.sh start --optimized} over plain HTTP on loopback (no fixed host name: tokens are issued for the URL
 * they are asked at, as in dev mode) with the {@code moshisapo} realm of {@code deploy/keycloak/moshisapo-realm.json}:
 * each server has its own database file, a copy of one with the realm already imported ({@link RealmDatabase}) or
 * an empty one that imports the realm at start. Not {@code start-dev}: that re-builds the server at every start,
 * which doubled its start time.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "moshisapo";
    public static final String CLI_CLIENT = "moshisapo-cli";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    /**
     * A file database (each server points it at its own directory) and a local cache, not the production mode's
     * clustered one. Keycloak 26 reads {@code --cache} at start, not from the build: {@link #launch} passes it again,
     * and that is the one that counts; here it only keeps the built distribution's directory name stable.
     */
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--cache=local",
            "--health-enabled=false", "--metrics-enabled=false");
    private static final String CLASS_DATA_ARCHIVE = "keycloak-cds.jsa";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * The realm file's placeholder for the gateway's origin: the console's redirect and logout URIs and, through
     * {@code webOrigins "+"}, the CORS origin of its token requests. Unset, it is ./run-local's 127.0.0.1:8080.
     */
    public static final String CONSOLE_ORIGIN_VARIABLE = "MOSHISAPO_CONSOLE_ORIGIN";

    private final int port;
    private final Path runDir;
    private final String consoleOrigin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ChildProcess process;
    /** Where this server's JVM writes a class data archive when it exits, if the distribution had none yet. */
    private Path archiveBeingMade;
    private Path archive;

    private KeycloakServer(int port, Path runDir, String consoleOrigin) {
        this.port = port;
        this.runDir = runDir;
        this.consoleOrigin = consoleOrigin;
    }

    public static KeycloakServer start() {
        return start(0);
    }

    /** Starts Keycloak on {@code port} (0 = a free one) and waits until the realm answers. */
    public static KeycloakServer start(int port) {
        return start(port, null);
    }

    /**
     * Starts Keycloak on {@code port} (0 = a free one) with the staff console allowed to sign in from
     * {@code consoleOrigin} ({@code http://127.0.0.1:<gateway port>}; null = 127.0.0.1:8080).
     */
    public static KeycloakServer start(int port, String consoleOrigin) {
        Path home = KeycloakDistribution.built(BUILD_OPTIONS);
        Path template = readyMadeDatabase(home, consoleOrigin);
        KeycloakServer server = new KeycloakServer(Ports.freeOrRequested(port, "Keycloak"), TempDirs.create("keycloak"),
                consoleOrigin);
        try {
            server.launch(home, template);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * The database with the realm imported that a start copies, or null when there is none for this console origin.
     * Made once per distribution and realm file: a server imports the realm and is stopped at once (no test has
     * touched it), and its database is kept for later starts. If that fails, every start imports the realm itself.
     */
    private static synchronized Path readyMadeDatabase(Path home, String consoleOrigin) {
        Path template = RealmDatabase.templateFor(home, consoleOrigin);
        if (template == null || Files.isDirectory(template)) {
            return template;
        }
        KeycloakServer importer = new KeycloakServer(Ports.free(), TempDirs.create("keycloak-realm"), null);
        try {
            importer.launch(home, null);
            importer.stop();
            RealmDatabase.keep(importer.databaseDir(), template);
        } catch (IOException | RuntimeException e) {
            System.err.println("Keycloak: no ready-made realm database (" + e.getMessage() + "); importing at start");
        } finally {
            importer.close();
        }
        return Files.isDirectory(template) ? template : null;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The OIDC issuer / {@code quarkus.oidc.auth-server-url} of the moshisapo realm. */
    public String realmUrl() {
        return realmUrl(port);
    }

    /** The realm's URL on a Keycloak that will listen on {@code port}, known before it has started. */
    public static String realmUrl(int port) {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** A real access token for a local user (password grant through the public CLI client). */
    public String accessToken(String username, String password) {
        String form = "grant_type=password&client_id=" + CLI_CLIENT
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(Duration.ofSeconds(20))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak token request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        stop();
        TempDirs.delete(runDir);
    }

    private void stop() {
        if (process != null) {
            process.close();
            process = null;
            keepArchive();
        }
    }

    private Path databaseDir() {
        return runDir.resolve("h2");
    }

    /**
     * The JVM writes its archive while it exits; once it has exited, the archive is complete and every later start
     * of this distribution maps it (a rename, so a start never sees half a file). No archive, no harm: a later
     * server makes one.
     */
    private void keepArchive() {
        if (archiveBeingMade == null) {
            return;
        }
        try {
            if (Files.size(archiveBeingMade) > 0) {
                Files.move(archiveBeingMade, archive, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // not written (the JVM was killed): the next start tries again
        } finally {
            try {
                Files.deleteIfExists(archiveBeingMade);
            } catch (IOException ignored) {
                // a stray partial file in the cache is ignored by every start
            }
        }
    }

    /** Starts from a copy of {@code template}, or with an empty database importing the realm when it is null. */
    private void launch(Path home, Path template) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start",
                "--optimized", "--http-enabled=true", "--hostname-strict=false",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + Ports.free(),
                "--db-url=" + RealmDatabase.url(databaseDir()),
                // At run time too (Keycloak 26 reads it at start): without it the server clusters over JGroups with
                // JDBC_PING, and a copied database names the node that made it, which each start then waited 20 s
                // to join.
                "--cache=local"));
        if (template != null) {
            RealmDatabase.copy(template, databaseDir());
        } else {
            copyRealmInto(home.resolve("data/import"));
            command.add("--import-realm");
        }
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"),
                "KC_BOOTSTRAP_ADMIN_PASSWORD", System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")));
        if (consoleOrigin != null) {
            env.put(CONSOLE_ORIGIN_VARIABLE, consoleOrigin);
        }
        env.put("JAVA_OPTS_APPEND", classDataOption(home));
        process = ChildProcess.start("keycloak", command, runDir, env, runDir.resolve("keycloak.log"));
        Wait.until("Keycloak realm " + realmUrl(), START_TIMEOUT, () -> {
            process.requireAlive();
            return realmAnswers();
        });
    }

    /**
     * Keycloak loads some 20,000 classes at every start, most of its start on two cores. The first server of a
     * distribution records them in a class data archive as its JVM exits ({@code -XX:ArchiveClassesAtExit}); every
     * later one maps that archive instead of loading and verifying the classes again. The class path (the built
     * distribution's absolute paths) and the JVM are the same for all of them, as the archive requires.
     */
    private String classDataOption(Path home) {
        archive = home.resolve(CLASS_DATA_ARCHIVE);
        if (Files.isRegularFile(archive)) {
            return "-XX:SharedArchiveFile=" + archive;
        }
        archiveBeingMade = home.resolve(CLASS_DATA_ARCHIVE + "." + runDir.getFileName() + ".part");
        return "-XX:ArchiveClassesAtExit=" + archiveBeingMade;
    }

    private boolean realmAnswers() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
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
     * Places the realm file where {@code --import-realm} reads it. The built distribution is shared by concurrent
     * instances, so the file is written beside and renamed into place: a starting instance never reads half of it.
     */
    private static void copyRealmInto(Path importDir) {
        try {
            Files.createDirectories(importDir);
            Path staging = Files.createTempFile(importDir, "realm-", ".json.part");
            Files.write(staging, RealmDatabase.realmFile());
            Files.move(staging, importDir.resolve("moshisapo-realm.json"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ServerStartException("cannot place the realm file: " + e.getMessage(), e);
        }
    }
}
