package jp.moshisapo.notification;

import static org.awaitility.Awaitility.await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.moshisapo.servers.PostgresServer;
import jp.moshisapo.servers.ChildProcess;
import jp.moshisapo.servers.Ports;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package} before failsafe runs)
 * as its own process, configured through the environment like in the cluster: for drills that kill it.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Next to target/test-classes, wherever the JVM was started from (failsafe: module dir; exec:java: root). */
    private static final Path JAR = testClasses().resolveSibling("quarkus-app").resolve("quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, String> env;
    private final Path log;
    private final int httpPort;
    private final int managementPort;
    private ChildProcess process;
    private int launches;

    private ServiceProcess(Map<String, String> env, Path log) {
        this.httpPort = Ports.free();
        this.managementPort = Ports.free();
        this.env = new HashMap<>(env);
        this.env.put("HTTP_PORT", Integer.toString(httpPort));
        this.env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        this.log = log;
    }

    /** Starts the service with these variables and waits until it is ready; logs go to target/{name}.log.N. */
    /**
     * What the packaged service's production profile requires and has no default for, with the published local-only
     * values ./run-local passes too: the keys, the prefecture's notice page, the LINE token, the database login.
     */
    public static Map<String, String> localRequiredSettings(String lineChannelAccessToken) {
        return Map.of(
                "NOTIFICATION_DB_USER", PostgresServer.USER,
                "NOTIFICATION_DB_PASSWORD", PostgresServer.PASSWORD,
                "LINE_CHANNEL_ACCESS_TOKEN", lineChannelAccessToken,
                "VISIT_ENCRYPTION_KEYS", "local-only-1:bG9jYWwtb25seSB2aXNpdCBrZXkgTk9UIFNFQ1JFVCE=",
                "VISIT_ENCRYPTION_ACTIVE_KEY_ID", "local-only-1",
                "EVENT_ENCRYPTION_KEYS", "local-only-e1:bG9jYWwtb25seSBldmVudCBrZXkgTk9UIFNFQ1JFVCE=",
                "RESIDENT_INDEX_KEY", "bG9jYWwtb25seSByZXNpZGVudCBpbmRleCBrZXkgISEhIQ==",
                "NOTICE_PAGE_URL", "https://www.pref.iwate.jp/");
    }

    public static ServiceProcess start(Map<String, String> env, String name) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run ./mvnw -pl notification-service "
                    + "package first (verify does)");
        }
        ServiceProcess service = new ServiceProcess(env, JAR.getParent().resolveSibling(name + ".log"));
        service.launch();
        return service;
    }

    private static Path testClasses() {
        try {
            return Path.of(ServiceProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service's process id (benchmarks read its CPU time). */
    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String metricsUrl() {
        return "http://127.0.0.1:" + managementPort + "/q/metrics";
    }

    /** SIGKILL: no shutdown hook, no flush; what a crashed pod looks like. */
    public void kill() {
        process.kill();
        process.close();
        process = null;
    }

    /** Starts again with the same settings and ports, after {@link #kill()}. */
    public void restart() {
        launch();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    private void launch() {
        List<String> command = new java.util.ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xmx512m"));
        // extra JVM options for a benchmark run, e.g. a flight recording to see where the service's CPU goes
        String extra = System.getProperty("bench.service-java-options", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", JAR.toString()));
        Path launchLog = log.resolveSibling(log.getFileName() + "." + ++launches);
        process = ChildProcess.start("notification-service", command, JAR.getParent(), env, launchLog);
        await("notification-service ready on " + managementPort).atMost(Duration.ofSeconds(120)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("notification-service exited:\n" + process.logTail(40));
            }
            return ready();
        });
    }

    private boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                    + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
