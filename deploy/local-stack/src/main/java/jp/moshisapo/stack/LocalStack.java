package jp.moshisapo.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.servers.ChildProcess;
import jp.moshisapo.servers.KafkaServer;
import jp.moshisapo.servers.KeycloakServer;
import jp.moshisapo.servers.PostgresServer;
import jp.moshisapo.servers.ServerStartException;
import jp.moshisapo.servers.Topics;
import jp.moshisapo.servers.Wait;

/**
 * Runs the whole system on one machine: Kafka, PostgreSQL, Keycloak and the LINE simulator (each unless its
 * address is given in the environment), then the four services, waits until all are healthy, prints the URLs and
 * stops everything on Ctrl-C. {@code health} as the only argument prints each running service's health instead.
 */
public final class LocalStack {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> DATABASES = List.of("facility", "checkin", "notification");

    private final StackSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, String> serviceEnv = new HashMap<>();

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("health")) {
            System.exit(Health.printAll());
        }
        Path root = Path.of(System.getProperty("moshisapo.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(new StackSettings(root, System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local stack…");
            stack.stopAll();
            stopped.countDown();
        }, "stop-local-stack"));
        try {
            long startedAt = System.nanoTime();
            stack.startAll();
            stack.printWelcome(Duration.ofNanos(System.nanoTime() - startedAt));
        } catch (ServerStartException e) {
            System.err.println("\nThe local stack could not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void startAll() throws IOException {
        Files.createDirectories(settings.logDir());
        requireBuiltServices();
        serviceEnv.put("HTTP_HOST", "127.0.0.1");
        serviceEnv.put("PUBLIC_BASE_URL", settings.getOrDefault("PUBLIC_BASE_URL",
                "http://127.0.0.1:" + StackSettings.GATEWAY_PORT));
        startKafka();
        startPostgres();
        startKeycloak();
        startLineSimulator();
        serviceEnv.put("FACILITY_URL", Service.FACILITY.url());
        serviceEnv.put("CHECKIN_URL", Service.CHECKIN.url());
        serviceEnv.put("NOTIFICATION_URL", Service.NOTIFICATION.url());
        for (Service service : Service.values()) {
            startService(service);
        }
        for (Service service : Service.values()) {
            step("waiting for " + service.module + " to be healthy");
            Wait.until(service.module + " health at " + service.healthUrl(), SERVICE_START_TIMEOUT,
                    () -> Health.status(service).equals("UP"));
        }
    }

    private void startKafka() {
        settings.given("KAFKA_BOOTSTRAP_SERVERS").ifPresentOrElse(
                given -> serviceEnv.put("KAFKA_BOOTSTRAP_SERVERS", given),
                () -> {
                    step("starting Kafka (KRaft) on 127.0.0.1:" + StackSettings.KAFKA_PORT);
                    KafkaServer kafka = track(KafkaServer.start(StackSettings.KAFKA_PORT));
                    kafka.createTopics(Topics.ALL);
                    serviceEnv.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
                });
    }

    private void startPostgres() {
        boolean allGiven = DATABASES.stream().allMatch(db -> settings.given(dbVariable(db, "URL")).isPresent());
        if (allGiven) {
            return;
        }
        step("starting PostgreSQL on 127.0.0.1:" + StackSettings.POSTGRES_PORT);
        PostgresServer postgres = track(PostgresServer.start(StackSettings.POSTGRES_PORT));
        for (String db : DATABASES) {
            if (settings.given(dbVariable(db, "URL")).isEmpty()) {
                postgres.createDatabase(db);
                serviceEnv.put(dbVariable(db, "URL"), postgres.jdbcUrl(db));
                serviceEnv.put(dbVariable(db, "USER"), PostgresServer.USER);
                serviceEnv.put(dbVariable(db, "PASSWORD"), PostgresServer.PASSWORD);
            }
        }
    }

    private void startKeycloak() {
        settings.given("OIDC_AUTH_SERVER_URL").ifPresentOrElse(
                given -> serviceEnv.put("OIDC_AUTH_SERVER_URL", given),
                () -> {
                    step("starting Keycloak on 127.0.0.1:" + StackSettings.KEYCLOAK_PORT + " (first start ~30 s)");
                    KeycloakServer keycloak = track(KeycloakServer.start(StackSettings.KEYCLOAK_PORT));
                    serviceEnv.put("OIDC_AUTH_SERVER_URL", keycloak.realmUrl());
                });
    }

    private void startLineSimulator() {
        settings.given("LINE_API_BASE_URL").ifPresentOrElse(
                given -> serviceEnv.put("LINE_API_BASE_URL", given),
                () -> {
                    step("starting the LINE platform simulator on 127.0.0.1:" + StackSettings.SIMULATOR_PORT);
                    LineSimulatorConfig config = LineSimulatorConfig.defaults()
                            .withPort(StackSettings.SIMULATOR_PORT)
                            .withChannelSecret(settings.getOrDefault("LINE_CHANNEL_SECRET",
                                    LineSimulatorConfig.defaults().channelSecret()))
                            .withChannelAccessToken(settings.getOrDefault("LINE_CHANNEL_ACCESS_TOKEN",
                                    LineSimulatorConfig.defaults().channelAccessToken()))
                            .withBotBasicId(settings.getOrDefault("LINE_BOT_BASIC_ID",
                                    LineSimulatorConfig.defaults().botBasicId()))
                            .withWebhookUrl(URI.create(serviceEnv.get("PUBLIC_BASE_URL") + "/line/webhook"));
                    LineSimulator simulator = track(LineSimulator.start(config));
                    serviceEnv.put("LINE_API_BASE_URL", simulator.baseUrl().toString());
                    serviceEnv.put("LINE_CHANNEL_SECRET", config.channelSecret());
                    serviceEnv.put("LINE_CHANNEL_ACCESS_TOKEN", config.channelAccessToken());
                    serviceEnv.put("LINE_BOT_BASIC_ID", config.botBasicId());
                });
    }

    private void startService(Service service) {
        step("starting " + service.module + " on " + service.url());
        Map<String, String> env = new HashMap<>(serviceEnv);
        env.put("HTTP_PORT", Integer.toString(service.httpPort));
        env.put("MANAGEMENT_PORT", Integer.toString(service.managementPort));
        List<String> command = List.of(ChildProcess.javaExecutable(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-jar", settings.serviceJar(service.module).toString());
        track(ChildProcess.start(service.module, command, settings.root(), env,
                settings.logDir().resolve(service.module + ".log")));
    }

    private void requireBuiltServices() {
        for (Service service : Service.values()) {
            if (!Files.isRegularFile(settings.serviceJar(service.module))) {
                throw new ServerStartException(settings.serviceJar(service.module) + " is missing: run "
                        + "./run-local (it builds what is missing) or ./mvnw install -DskipTests");
            }
        }
    }

    private void printWelcome(Duration took) {
        System.out.printf("""

                もしサポ is running (started in %d s). Press Ctrl-C to stop everything.

                  Venue registration form   http://127.0.0.1:%d/
                  LINE simulator (chats)    %s/sim/
                  Staff admin API           http://127.0.0.1:%d/admin/…  (token: see README)
                  Keycloak realm            %s
                  Health of every service   ./run-local health
                  Logs                      %s

                """, took.toSeconds(), StackSettings.GATEWAY_PORT, serviceEnv.get("LINE_API_BASE_URL"),
                StackSettings.GATEWAY_PORT, serviceEnv.get("OIDC_AUTH_SERVER_URL"), settings.logDir());
        Health.printAll();
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    private void stopAll() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("could not stop cleanly: " + e.getMessage());
            }
        }
    }

    private static String dbVariable(String database, String suffix) {
        return database.toUpperCase() + "_DB_" + suffix;
    }

    private static void step(String message) {
        System.out.println("• " + message);
    }
}
