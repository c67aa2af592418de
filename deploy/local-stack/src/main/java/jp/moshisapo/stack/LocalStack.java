package jp.moshisapo.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Deque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.servers.ChildProcess;
import jp.moshisapo.servers.KafkaServer;
import jp.moshisapo.servers.KeycloakServer;
import jp.moshisapo.servers.MailServer;
import jp.moshisapo.servers.PostgresServer;
import jp.moshisapo.servers.ServerStartException;
import jp.moshisapo.servers.Topics;
import jp.moshisapo.servers.Wait;
import jp.moshisapo.stack.richmenu.RichMenuSetup;

/**
 * The whole system on one machine: Kafka, PostgreSQL, Keycloak, an SMTP server and the LINE simulator (each unless
 * its address is given in the environment), then the four services as child JVMs, healthy before {@link #start} returns.
 * {@code ./run-local} runs it until Ctrl-C; end-to-end tests start one with free ports.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(2);
    /** Made by each service's package step next to its quarkus-run.jar (see docs/operations.md, "Start-up"). */
    private static final String CLASS_DATA_ARCHIVE = "app-cds.jsa";
    private static final List<String> DATABASES = List.of("facility", "checkin", "notification");
    /**
     * The services start in their production profile, which has no default for any key: the local stack passes
     * these published, local-only ones (the same as the services' dev and test defaults) unless given its own.
     */
    private static final Map<String, String> LOCAL_KEYS = Map.of(
            "RESIDENT_PSEUDONYM_KEY", "moshisapo-local-pseudonym-key",
            "EVENT_ENCRYPTION_KEYS", "local-only-e1:bG9jYWwtb25seSBldmVudCBrZXkgTk9UIFNFQ1JFVCE=",
            "EVENT_ENCRYPTION_ACTIVE_KEY_ID", "local-only-e1",
            "VISIT_ENCRYPTION_KEYS", "local-only-1:bG9jYWwtb25seSB2aXNpdCBrZXkgTk9UIFNFQ1JFVCE=",
            "VISIT_ENCRYPTION_ACTIVE_KEY_ID", "local-only-1",
            "RESIDENT_INDEX_KEY", "bG9jYWwtb25seSByZXNpZGVudCBpbmRleCBrZXkgISEhIQ==",
            // the prefecture's own page and contact: production names them (no default), locally the seed's
            "NOTICE_PAGE_URL", "https://www.pref.iwate.jp/",
            "PREFECTURE_CONTACT", "岩手県庁 健康国保課 医療情報担当\n電話 019-629-5487\n時間 9:00～17:00（平日のみ）",
            // The local SMTP server takes any login; a relay given by QUARKUS_MAILER_HOST needs its own.
            "QUARKUS_MAILER_USERNAME", "moshisapo-local",
            "QUARKUS_MAILER_PASSWORD", "local-only-smtp-password");

    private final StackSettings settings;
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
    /** What every service's environment gets from the stack; written by the servers' start threads. */
    private final Map<String, String> serviceEnv = new ConcurrentHashMap<>();
    /** Every replica of every service, in start order, with its own ports. */
    private final Map<Replica, Ports.AppPorts> replicas = new LinkedHashMap<>();
    private final Map<Replica, ChildProcess> apps = new HashMap<>();
    private final Map<Replica, Integer> restarts = new HashMap<>();
    private KafkaServer kafka;
    private PostgresServer postgres;
    private KeycloakServer keycloak;
    private LineSimulator simulator;
    private MailServer mail;

    private final long createdAt = System.nanoTime();

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("moshisapo.root", ".")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.local(root);
        if (args.length == 1 && args[0].equals("health")) {
            System.exit(Health.printAll(settings.ports()) ? 0 : 1);
        }
        long startedAt = System.nanoTime();
        LocalStack stack;
        try {
            stack = start(settings);
        } catch (ServerStartException e) {
            System.err.println("\nThe local stack could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local stack…");
            stack.close();
            stopped.countDown();
        }, "stop-local-stack"));
        stack.printWelcome(Duration.ofNanos(System.nanoTime() - startedAt));
        stopped.await();
    }

    /** Starts everything and waits until every service is healthy; on failure stops what it started. */
    public static LocalStack start(StackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public Ports ports() {
        return settings.ports();
    }

    public String gatewayUrl() {
        return settings.ports().url(App.GATEWAY);
    }

    /** The in-process LINE simulator; empty when {@code LINE_API_BASE_URL} points elsewhere. */
    public Optional<LineSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    public Optional<KafkaServer> kafka() {
        return Optional.ofNullable(kafka);
    }

    public Optional<PostgresServer> postgres() {
        return Optional.ofNullable(postgres);
    }

    /** The local SMTP server with its web inbox; empty when {@code QUARKUS_MAILER_HOST} names another. */
    public Optional<MailServer> mail() {
        return Optional.ofNullable(mail);
    }

    public Optional<KeycloakServer> keycloak() {
        return Optional.ofNullable(keycloak);
    }

    /** One running copy of a service: index 0 to {@code STACK_REPLICAS - 1}. */
    public record Replica(App app, int index) {

        @Override
        public String toString() {
            return app.module + " replica " + (index + 1);
        }
    }

    /** How many replicas of each service run (see {@link StackSettings#replicas()}). */
    public int replicaCount() {
        return settings.replicas();
    }

    /** The management URL (health, metrics) of one replica; replica 0's is the service's documented one. */
    public String managementUrl(Replica replica) {
        return "http://127.0.0.1:" + replicas.get(replica).management();
    }

    /** Where one replica writes its log. */
    public Path logFile(Replica replica) {
        return settings.logDir().resolve(logName(replica, ""));
    }

    /** Kills a service (its first replica) with SIGKILL, as a crash drill does. */
    public void kill(App app) {
        kill(new Replica(app, 0));
    }

    /** Kills one replica with SIGKILL; the others, behind the service's address, carry on. */
    public void kill(Replica replica) {
        apps.remove(replica).kill();
    }

    /** Starts a service (its first replica) again after {@link #kill} and waits until it is healthy. */
    public void restart(App app) {
        restart(app, Map.of());
    }

    /**
     * Starts a service again with some of its variables changed (a drill that needs, say, a short sending
     * deadline) and waits until it is healthy; {@link #restart(App)} brings back the stack's own settings.
     */
    public void restart(App app, Map<String, String> overrides) {
        restart(new Replica(app, 0), overrides);
    }

    /** Starts one replica again (after {@link #kill}) with {@code overrides} and waits until it is healthy. */
    public void restart(Replica replica, Map<String, String> overrides) {
        if (apps.containsKey(replica)) {
            apps.remove(replica).close();
        }
        keepLogOfEarlierRun(replica);
        startApp(replica, overrides);
        awaitHealthy(replica);
    }

    /**
     * A variable as the stack gives it to the services (a key, the LINE channel's secret and token): drills that
     * search data or logs for what must not be there need the same values the services use.
     */
    public Optional<String> serviceSetting(String name) {
        return Optional.ofNullable(serviceEnv.get(name));
    }

    /** Where each process writes its log, including the logs a restart set aside (see {@link #restart}). */
    public Path logDir() {
        return settings.logDir();
    }

    public boolean allHealthy() {
        return Health.printAll(settings.ports());
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("could not stop cleanly: " + e.getMessage());
            }
        }
    }

    private void startAll() {
        createLogDir();
        requireBuiltServices();
        serviceEnv.put("HTTP_HOST", "127.0.0.1");
        serviceEnv.put("PUBLIC_BASE_URL", settings.getOrDefault("PUBLIC_BASE_URL", gatewayUrl()));
        LOCAL_KEYS.forEach((name, localKey) -> serviceEnv.put(name, settings.getOrDefault(name, localKey)));
        // Keycloak takes longest to start. The services need it only when the first staff token arrives
        // (quarkus-oidc fetches the realm's keys again then), so they start beside it and the stack waits for both.
        ExecutorService starter = Executors.newCachedThreadPool();
        Future<?> keycloakStarted = inBackground(starter, "Keycloak", this::startKeycloak);
        try {
            awaitAll(List.of(inBackground(starter, "Kafka", this::startKafka),
                    inBackground(starter, "PostgreSQL", this::startPostgres),
                    inBackground(starter, "the SMTP server", this::startMail),
                    inBackground(starter, "the LINE simulator", this::startLineSimulator)));
            serviceEnv.put("OIDC_AUTH_SERVER_URL", settings.given("OIDC_AUTH_SERVER_URL")
                    .orElseGet(() -> KeycloakServer.realmUrl(settings.ports().keycloak())));
            serviceEnv.put("FACILITY_URL", settings.ports().url(App.FACILITY));
            serviceEnv.put("CHECKIN_URL", settings.ports().url(App.CHECKIN));
            serviceEnv.put("NOTIFICATION_URL", settings.ports().url(App.NOTIFICATION));
            planReplicas();
            for (Replica replica : replicas.keySet()) {
                startApp(replica, Map.of());
            }
            for (Replica replica : replicas.keySet()) {
                awaitHealthy(replica);
            }
            awaitAll(List.of(keycloakStarted));
        } finally {
            settle(keycloakStarted); // so that close() finds a Keycloak that did start, whatever failed meanwhile
            starter.shutdownNow();
        }
        setUpRichMenu();
    }

    /**
     * The official account's rich menu, on whichever LINE the stack uses (the simulator, or LINE_API_BASE_URL):
     * idempotent, so every start leaves the one menu. A failure is reported, not fatal: chats work without it.
     */
    private void setUpRichMenu() {
        URI api = URI.create(serviceEnv.get("LINE_API_BASE_URL"));
        String token = serviceEnv.get("LINE_CHANNEL_ACCESS_TOKEN");
        if (token == null) {
            step("no LINE_CHANNEL_ACCESS_TOKEN given: the rich menu is left as it is");
            return;
        }
        step("setting up the rich menu on " + api);
        try {
            new RichMenuSetup(api, RichMenuSetup.dataEndpoint(api, settings.given("LINE_DATA_API_BASE_URL")
                    .orElse(null)), token, RichMenuSetup.defaultFont(settings.root())).run();
        } catch (IOException | RuntimeException e) {
            System.err.println("The rich menu could not be set up: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one server's start on its own thread, saying when it is ready. */
    private Future<?> inBackground(ExecutorService starter, String server, Runnable start) {
        return starter.submit(() -> {
            start.run();
            step(server + " is ready");
        });
    }

    /** Waits until every start has settled and throws the first failure, if any (the others suppressed in it). */
    private static void awaitAll(List<Future<?>> starts) {
        RuntimeException failure = null;
        for (Future<?> start : starts) {
            try {
                start.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new ServerStartException(e.getCause().getMessage(), e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerStartException("interrupted while the servers were starting", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void settle(Future<?> start) {
        try {
            awaitAll(List.of(start));
        } catch (RuntimeException alreadyReported) {
            // the failure that ended the start is the one the caller sees
        }
    }

    private void startKafka() {
        settings.given("KAFKA_BOOTSTRAP_SERVERS").ifPresentOrElse(
                given -> serviceEnv.put("KAFKA_BOOTSTRAP_SERVERS", given),
                () -> {
                    step("starting Kafka (KRaft) on 127.0.0.1:" + settings.ports().kafka());
                    kafka = track(KafkaServer.start(settings.ports().kafka()));
                    kafka.createTopics(Topics.ALL);
                    serviceEnv.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
                });
    }

    private void startPostgres() {
        if (DATABASES.stream().allMatch(db -> settings.given(dbVariable(db, "URL")).isPresent())) {
            DATABASES.forEach(this::passDatabaseSettings);
            return;
        }
        step("starting PostgreSQL on 127.0.0.1:" + settings.ports().postgres());
        postgres = track(PostgresServer.start(settings.ports().postgres()));
        for (String db : DATABASES) {
            if (settings.given(dbVariable(db, "URL")).isPresent()) {
                passDatabaseSettings(db);
            } else {
                // As in the cluster: the owner role migrates, the service runs as a runtime role that owns nothing.
                PostgresServer.Roles roles = postgres.createServiceDatabase(db, db, db + "_app");
                serviceEnv.put(dbVariable(db, "URL"), postgres.jdbcUrl(db));
                serviceEnv.put(dbVariable(db, "USER"), roles.runtime());
                serviceEnv.put(dbVariable(db, "PASSWORD"), roles.runtimePassword());
                serviceEnv.put(dbVariable(db, "OWNER_USER"), roles.owner());
                serviceEnv.put(dbVariable(db, "OWNER_PASSWORD"), roles.ownerPassword());
            }
        }
    }

    private void passDatabaseSettings(String db) {
        for (String suffix : List.of("URL", "USER", "PASSWORD", "OWNER_USER", "OWNER_PASSWORD")) {
            settings.given(dbVariable(db, suffix)).ifPresent(value -> serviceEnv.put(dbVariable(db, suffix), value));
        }
    }

    private void startKeycloak() {
        if (settings.given("OIDC_AUTH_SERVER_URL").isEmpty()) {
            step("starting Keycloak on 127.0.0.1:" + settings.ports().keycloak() + " (first start ~30 s)");
            keycloak = track(KeycloakServer.start(settings.ports().keycloak(), gatewayUrl()));
        }
    }

    /**
     * facility-service mails venues through Quarkus Mailer: a given {@code QUARKUS_MAILER_HOST} (with its _PORT, _FROM,
     * TLS and login variables) reaches it unchanged; otherwise a local SMTP server takes every mail into its inbox.
     */
    private void startMail() {
        if (settings.given("QUARKUS_MAILER_HOST").isPresent()) {
            return; // the settings' variables reach every service as they are
        }
        step("starting an SMTP server on 127.0.0.1:" + settings.ports().smtp() + " (web inbox on "
                + settings.ports().mailInbox() + ")");
        mail = track(MailServer.start(settings.ports().smtp(), settings.ports().mailInbox()));
        serviceEnv.put("QUARKUS_MAILER_HOST", mail.host());
        serviceEnv.put("QUARKUS_MAILER_PORT", Integer.toString(mail.smtpPort()));
        serviceEnv.put("QUARKUS_MAILER_FROM", settings.getOrDefault("QUARKUS_MAILER_FROM", "moshisapo@localhost"));
    }

    private void startLineSimulator() {
        settings.given("LINE_API_BASE_URL").ifPresentOrElse(
                given -> {
                    serviceEnv.put("LINE_API_BASE_URL", given);
                    List.of("LINE_CHANNEL_SECRET", "LINE_CHANNEL_ACCESS_TOKEN", "LINE_BOT_BASIC_ID").forEach(name ->
                            settings.given(name).ifPresent(value -> serviceEnv.put(name, value)));
                },
                () -> {
                    step("starting the LINE platform simulator on 127.0.0.1:" + settings.ports().simulator());
                    LineSimulatorConfig defaults = LineSimulatorConfig.defaults();
                    LineSimulatorConfig config = defaults
                            .withPort(settings.ports().simulator())
                            .withChannelSecret(settings.getOrDefault("LINE_CHANNEL_SECRET", defaults.channelSecret()))
                            .withChannelAccessToken(settings.getOrDefault("LINE_CHANNEL_ACCESS_TOKEN",
                                    defaults.channelAccessToken()))
                            .withBotBasicId(settings.getOrDefault("LINE_BOT_BASIC_ID", defaults.botBasicId()))
                            .withWebhookUrl(URI.create(gatewayUrl() + "/line/webhook"));
                    simulator = track(LineSimulator.start(config));
                    serviceEnv.put("LINE_API_BASE_URL", simulator.baseUrl().toString());
                    serviceEnv.put("LINE_CHANNEL_SECRET", config.channelSecret());
                    serviceEnv.put("LINE_CHANNEL_ACCESS_TOKEN", config.channelAccessToken());
                    serviceEnv.put("LINE_BOT_BASIC_ID", config.botBasicId());
                });
    }

    /**
     * One replica per service on the service's own ports; with more, each replica gets free ports (the first keeps
     * the service's management port, which {@code ./run-local health} reads) and a {@link ServiceBalancer} serves
     * the service's port in front of them.
     */
    private void planReplicas() {
        int count = settings.replicas();
        for (App app : App.values()) {
            Ports.AppPorts service = settings.ports().apps().get(app);
            if (count == 1) {
                replicas.put(new Replica(app, 0), service);
                continue;
            }
            List<Integer> httpPorts = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                int http = jp.moshisapo.servers.Ports.free();
                int management = index == 0 ? service.management() : jp.moshisapo.servers.Ports.free();
                replicas.put(new Replica(app, index), new Ports.AppPorts(http, management));
                httpPorts.add(http);
            }
            step("balancing " + settings.ports().url(app) + " over " + count + " replicas of " + app.module);
            track(ServiceBalancer.start(app.module, service.http(), httpPorts));
        }
    }

    private void startApp(Replica replica, Map<String, String> overrides) {
        App app = replica.app();
        Ports.AppPorts ports = replicas.get(replica);
        step("starting " + replica + " on http://127.0.0.1:" + ports.http());
        // The settings' variables reach every service (their tuning, e.g. rate limits); the stack's own addresses
        // and ports win over them, and a drill's overrides win over everything.
        Map<String, String> env = new HashMap<>(settings.env());
        env.putAll(serviceEnv);
        env.put("HTTP_PORT", Integer.toString(ports.http()));
        env.put("MANAGEMENT_PORT", Integer.toString(ports.management()));
        env.putAll(overrides);
        Path jar = settings.serviceJar(app);
        Path appDir = jar.getParent();
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xms64m", "-Xmx512m"));
        // The class data archive the build made (quarkus.package.jar.appcds): classes mapped ready-made instead of
        // loaded and verified, a large part of a start on two cores. Java 17 matches the archive by the class path
        // exactly as written when it was made, hence the relative jar in the app's own directory.
        if (Files.isRegularFile(appDir.resolve(CLASS_DATA_ARCHIVE))) {
            command.add("-XX:SharedArchiveFile=" + CLASS_DATA_ARCHIVE);
        }
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        apps.put(replica, track(ChildProcess.start(app.module, command, appDir, env, logFile(replica))));
    }

    /**
     * A process started again would truncate its log: the earlier run's is moved aside as
     * {@code <module>.before-restart-<n>.log}, so the logs of a whole test run can be read afterwards (the privacy
     * drill scans them all).
     */
    private void keepLogOfEarlierRun(Replica replica) {
        Path log = logFile(replica);
        try {
            if (Files.isRegularFile(log)) {
                int n = restarts.merge(replica, 1, Integer::sum);
                Files.move(log, settings.logDir().resolve(logName(replica, ".before-restart-" + n)),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Replica replica) {
        step("waiting for " + replica + " to be healthy");
        ChildProcess process = apps.get(replica);
        String health = managementUrl(replica) + "/q/health";
        Wait.until(replica + " health at " + health, SERVICE_START_TIMEOUT, () -> {
            process.requireAlive();
            return Health.status(health).equals("UP");
        });
    }

    /** {@code <module>.log} for the first replica (as with one), {@code <module>.<n>.log} for the n-th after it. */
    private static String logName(Replica replica, String suffix) {
        return replica.app().module + (replica.index() == 0 ? "" : "." + (replica.index() + 1)) + suffix + ".log";
    }

    private void requireBuiltServices() {
        for (App app : App.values()) {
            if (!Files.isRegularFile(settings.serviceJar(app))) {
                throw new ServerStartException(settings.serviceJar(app) + " is missing: run ./run-local (it builds "
                        + "what is missing) or ./mvnw install -DskipTests");
            }
        }
    }

    private void createLogDir() {
        try {
            Files.createDirectories(settings.logDir());
            // Logs set aside by an earlier stack's restarts belong to that run, not to this one.
            try (var earlier = Files.newDirectoryStream(settings.logDir(), "*.before-restart-*.log")) {
                for (Path log : earlier) {
                    Files.delete(log);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void printWelcome(Duration took) {
        System.out.printf("""

                もしサポ is running (started in %d s). Press Ctrl-C to stop everything.

                  Venue registration form   %s/
                  LINE simulator (chats)    %s/sim/
                  Staff console             %s/console/  (staff1, approver1: password = user name)
                  Staff admin API           %s/admin/…  (tokens: see README)
                  Keycloak realm            %s
                  Mail to venues (inbox)    %s
                  Health of every service   ./run-local health
                  Logs                      %s

                """, took.toSeconds(), gatewayUrl(), serviceEnv.get("LINE_API_BASE_URL"), gatewayUrl(),
                gatewayUrl(), serviceEnv.get("OIDC_AUTH_SERVER_URL"), mailInbox(), settings.logDir());
        Health.printAll(settings.ports());
    }

    private String mailInbox() {
        return mail == null ? "SMTP relay " + settings.given("QUARKUS_MAILER_HOST").orElse("?")
                : mail.apiUrl() + "/api/user/<address>/messages/  (SMTP 127.0.0.1:" + mail.smtpPort() + ")";
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    private static String dbVariable(String database, String suffix) {
        return database.toUpperCase() + "_DB_" + suffix;
    }

    /** Each step with the seconds since the stack began, so a slow start shows which part it waited for. */
    private void step(String message) {
        System.out.printf("• %5.1f s  %s%n", (System.nanoTime() - createdAt) / 1e9, message);
    }
}
