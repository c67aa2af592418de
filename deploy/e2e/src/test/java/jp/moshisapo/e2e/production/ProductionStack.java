package jp.moshisapo.e2e.production;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.servers.ChildProcess;
import jp.moshisapo.servers.KafkaAcl;
import jp.moshisapo.servers.KafkaServer;
import jp.moshisapo.servers.KafkaServer.ScramUser;
import jp.moshisapo.servers.KafkaServer.TopicSpec;
import jp.moshisapo.servers.KeycloakProductionServer;
import jp.moshisapo.servers.Totp;
import jp.moshisapo.servers.Ports;
import jp.moshisapo.servers.PostgresServer;
import jp.moshisapo.servers.TempDirs;
import jp.moshisapo.servers.TestCa;
import jp.moshisapo.servers.Wait;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.stack.Health;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The system in its production shape on one machine: Kafka with a SASL_SSL listener, SCRAM users and the ACLs of
 * the {@code KafkaUser} manifests; PostgreSQL with TLS only and the Cluster's managed roles, an owner and a runtime
 * role per service; Keycloak in production mode with the realm of the {@code KeycloakRealmImport}; the four
 * packaged jars in their {@code prod} profile, each with the environment its Deployment in the rendered production
 * overlay gives it, each Deployment's initContainers (the migrations, as the owner) run to completion first. Only
 * host names, ports and the paths of mounted secrets are changed (cluster DNS names do not resolve here).
 */
public final class ProductionStack implements AutoCloseable {

    /** The four Deployments, in start order (the gateway last: it routes to the others). */
    public static final List<String> SERVICES = List.of("facility-service", "checkin-service",
            "notification-service", "gateway");
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(3);
    private static final String REALM = "moshisapo";
    private static final String STORE_PASSWORD = "changeit";
    private static final String CONSOLE_CLIENT = "moshisapo-console";
    /** A redirect URI the production realm allows the console; the drill reads the code from it, never loads it. */
    private static final String CONSOLE_REDIRECT = "https://moshisapo.example.jp/console/";

    private final Path root;
    private final Path runDir = TempDirs.create("production-drill");
    private final Path logDir;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final ProductionManifests manifests = new ProductionManifests();
    private final Map<String, ServicePorts> ports = new LinkedHashMap<>();
    private final Map<String, ChildProcess> services = new HashMap<>();
    private final Map<String, String> staffPasswords = new HashMap<>();
    private Secrets secrets;
    private TestCa ca;
    private KafkaServer kafka;
    private PostgresServer postgres;
    private KeycloakProductionServer keycloak;
    private final Map<String, Totp> secondFactors = new HashMap<>();
    private LineSimulator line;

    private record ServicePorts(int http, int management) {
    }

    private ProductionStack(Path root, Path logDir) {
        this.root = root;
        this.logDir = logDir;
    }

    /** Starts every server and the four services, and waits until all are healthy. */
    public static ProductionStack start(Path root, Path logDir) {
        ProductionStack stack = new ProductionStack(root, logDir);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get("gateway").http();
    }

    public LineSimulator line() {
        return line;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    /** A staff member's access token, by the authorization-code flow the console uses. */
    public String login(String user) {
        return keycloak.logIn(REALM, CONSOLE_CLIENT, CONSOLE_REDIRECT, user, staffPasswords.get(user),
                secondFactors.get(user));
    }

    /**
     * A connection to {@code database} as the role whose password is in the Secret {@code secret} (e.g. a
     * service's runtime role), over the same verify-full TLS the services use.
     */
    public Connection connectAs(String secret, String database) throws SQLException {
        return DriverManager.getConnection(postgres.verifyFullJdbcUrl(database), secrets.value(secret, "username"),
                secrets.value(secret, "password"));
    }

    /** Waits until facility-service's outbox has published {@code code} to facility.codes.v1 (read as admin). */
    public void awaitCodeOnKafka(String code) {
        Map<String, Object> config = new HashMap<>(kafka.adminClientConfig());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.FACILITY_CODES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Wait.until(code + " on " + Topic.FACILITY_CODES, Duration.ofMinutes(1), () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (code.equals(record.key())) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    /**
     * Starts {@code service} with its production environment minus {@code missing}, expecting it to refuse: answers
     * its exit code and everything it printed.
     */
    public StartAttempt startWithout(String service, List<String> missing) {
        Map<String, String> env = environment(service);
        missing.forEach(env::remove);
        Path log = logDir.resolve(service + "-without-secrets.log");
        try (ChildProcess process = ChildProcess.startIsolated(service + "-without-secrets", command(service, env),
                runDir, env, log)) {
            Wait.until(service + " to stop for lack of its secrets", Duration.ofMinutes(1), () -> !process.isAlive());
            return new StartAttempt(process.exitCode(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a refused start ended. */
    public record StartAttempt(int exitCode, String output) {
    }

    /** The variables of {@code service}'s Deployment that come from a Secret. */
    public List<String> secretVariables(String service) {
        return manifests.secretVariables(service);
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("could not stop cleanly: " + e);
            }
        }
        TempDirs.delete(runDir);
    }

    private void startAll() {
        createDirectories(logDir);
        ca = TestCa.create(runDir.resolve("ca"));
        secrets = Secrets.fromExample(root.resolve("deploy/k8s/secrets.example.yaml"));
        startKafka();
        startPostgres();
        startKeycloak();
        SERVICES.forEach(service -> ports.put(service, new ServicePorts(Ports.free(), Ports.free())));
        startLine();
        for (String service : SERVICES) {
            startService(service);
        }
        for (String service : SERVICES) {
            awaitHealthy(service);
        }
    }

    /** Users, topics and ACLs exactly as the KafkaUser and KafkaTopic resources declare them. */
    private void startKafka() {
        List<ScramUser> users = new ArrayList<>();
        List<KafkaAcl> acls = new ArrayList<>();
        for (JsonNode user : manifests.ofKind("KafkaUser")) {
            String name = user.at("/metadata/name").asText();
            users.add(new ScramUser(name, Secrets.random()));
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                List<String> operations = new ArrayList<>();
                acl.path("operations").forEach(op -> operations.add(op.asText()));
                acls.add(KafkaAcl.parse(name, acl.at("/resource/type").asText(), acl.at("/resource/name").asText(),
                        acl.at("/resource/patternType").asText("literal"), operations));
            }
        }
        kafka = track(KafkaServer.startSecure(ca, users));
        kafka.createTopics(manifests.ofKind("KafkaTopic").stream().map(ProductionStack::topic).toList());
        kafka.createAcls(acls);
        // What Strimzi's User Operator and Cluster Operator put into Secrets for the Deployments to read.
        for (ScramUser user : users) {
            secrets.put(user.name(), Map.of("password", user.password(),
                    "sasl.jaas.config", KafkaServer.scramJaasConfig(user.name(), user.password())));
        }
        secrets.put("moshisapo-cluster-ca-cert", Map.of("ca.crt", kafka.caCertificatePem()));
    }

    private static TopicSpec topic(JsonNode topic) {
        String name = topic.at("/spec/topicName").asText(topic.at("/metadata/name").asText());
        boolean compacted = topic.at("/spec/config/cleanup.policy").asText("delete").contains("compact");
        // The manifest's own topic configs (retention.ms, segment.ms…), so the drill's topics expire like the cluster's.
        Map<String, String> config = new HashMap<>();
        topic.at("/spec/config").fields()
                .forEachRemaining(entry -> config.put(entry.getKey(), entry.getValue().asText()));
        return new TopicSpec(name, topic.at("/spec/partitions").asInt(1), compacted, config);
    }

    /** The roles of the Cluster's {@code managed.roles} and the databases of the Database resources. */
    private void startPostgres() {
        postgres = track(PostgresServer.startTls(ca));
        JsonNode cluster = manifests.get("Cluster", "moshisapo-pg");
        for (JsonNode role : cluster.at("/spec/managed/roles")) {
            String secret = role.at("/passwordSecret/name").asText();
            String name = role.path("name").asText();
            if (!name.equals(secrets.value(secret, "username"))) {
                throw new AssertionError("role " + name + " takes its password from " + secret
                        + ", whose username is " + secrets.value(secret, "username"));
            }
            postgres.createRole(name, secrets.value(secret, "password"));
        }
        for (JsonNode database : manifests.ofKind("Database")) {
            postgres.createDatabase(database.at("/spec/name").asText(), database.at("/spec/owner").asText());
        }
        secrets.put("moshisapo-pg-ca", Map.of("ca.crt", ca.certificatePem()));
    }

    /** The production realm, then the drill's staff: created the way an administrator does, never imported. */
    private void startKeycloak() {
        keycloak = track(KeycloakProductionServer.start(ca));
        keycloak.admin().createRealm(manifests.realm());
        String staffPassword = Secrets.random();
        String approverPassword = Secrets.random();
        keycloak.admin().createUser(REALM, "drill-staff", staffPassword, List.of("staff"));
        // Approvers can message residents: the production realm asks them for a one-time code as well.
        secondFactors.put("drill-approver", keycloak.admin().createUserWithTotp(REALM, "drill-approver",
                approverPassword, List.of("staff", "approver")));
        staffPasswords.put("drill-staff", staffPassword);
        staffPasswords.put("drill-approver", approverPassword);
    }

    private void startLine() {
        LineSimulatorConfig config = LineSimulatorConfig.defaults()
                .withPort(Ports.free())
                .withChannelSecret(secrets.value("moshisapo-line", "channel-secret"))
                .withChannelAccessToken(secrets.value("moshisapo-line", "channel-access-token"))
                .withWebhookUrl(URI.create(gatewayUrl() + "/line/webhook"));
        line = track(LineSimulator.start(config));
    }

    private void startService(String service) {
        for (String init : manifests.initContainers(service)) {
            runToCompletion(service, init);
        }
        Map<String, String> env = environment(service);
        writeEnvironment(service, env);
        services.put(service, track(ChildProcess.startIsolated(service, command(service, env), runDir, env,
                logDir.resolve(service + ".log"))));
    }

    /**
     * Runs an initContainer of the service's Deployment (the same jar, the container's own environment) and waits
     * for it to exit 0, as the kubelet does before it starts the service's container: the migrations, as the
     * database's owner role.
     */
    private void runToCompletion(String service, String init) {
        Map<String, String> env = environment(service, init);
        Path log = logDir.resolve(service + "-" + init + ".log");
        try (ChildProcess process = ChildProcess.startIsolated(service + "-" + init, command(service, env), runDir,
                env, log)) {
            Wait.until(service + "'s initContainer " + init + " to finish", SERVICE_START_TIMEOUT,
                    () -> !process.isAlive());
            if (process.exitCode() != 0) {
                throw new AssertionError(service + "'s initContainer " + init + " exited " + process.exitCode()
                        + ":\n" + process.logTail(40));
            }
        }
    }

    /** What the service was given, beside its log, with the values of Secret-backed variables masked. */
    private void writeEnvironment(String service, Map<String, String> env) {
        List<String> secret = manifests.secretVariables(service);
        StringBuilder lines = new StringBuilder();
        env.forEach((name, value) -> lines.append(name).append('=')
                .append(secret.contains(name) ? "(from a Secret)" : value).append('\n'));
        try {
            Files.writeString(logDir.resolve(service + ".env"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> command(String service, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xmx384m",
                // Keycloak's public address has a certificate from a public CA in production, which every JVM
                // trusts; here it is the test CA's.
                "-Djavax.net.ssl.trustStore=" + publicTrustStore(),
                "-Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD, "-Djavax.net.ssl.trustStoreType=PKCS12"));
        // The base image's run-java.sh appends JAVA_OPTS_APPEND to the JVM's options.
        String appended = env.getOrDefault("JAVA_OPTS_APPEND", "");
        if (!appended.isBlank()) {
            command.addAll(List.of(appended.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar")
                .toString()));
        return command;
    }

    /** A PKCS#12 trust store holding the test CA, standing in for the public authorities a JVM trusts. */
    private Path publicTrustStore() {
        Path store = runDir.resolve("public-cas.p12");
        if (Files.exists(store)) {
            return store;
        }
        try (var in = Files.newInputStream(ca.certificateFile())) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            try (var out = Files.newOutputStream(store)) {
                trusted.store(out, STORE_PASSWORD.toCharArray());
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Deployment's environment with cluster addresses and mount paths replaced by this machine's. */
    private Map<String, String> environment(String service) {
        return environment(service, service);
    }

    private Map<String, String> environment(String service, String container) {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("moshisapo-kafka-bootstrap:9093", kafka.bootstrapServers());
        addresses.put("moshisapo-pg-rw:5432", "localhost:" + postgres.port());
        addresses.put("http://moshisapo-keycloak-service:8080", keycloak.backChannelUrl());
        addresses.put("https://login.moshisapo.example.jp", keycloak.publicUrl());
        addresses.put("https://moshisapo.example.jp", gatewayUrl());
        for (String upstream : List.of("facility-service", "checkin-service", "notification-service")) {
            addresses.put("http://" + upstream + ":" + manifestPort(upstream),
                    "http://127.0.0.1:" + ports.get(upstream).http());
        }
        manifests.mountSecretVolumes(service, secrets.all(), runDir.resolve("mounts"))
                .forEach((mountPath, dir) -> addresses.put(mountPath, dir.toString()));

        Map<String, String> env = new LinkedHashMap<>();
        manifests.environment(service, container, secrets.all()).forEach((name, value) -> {
            for (Map.Entry<String, String> address : addresses.entrySet()) {
                value = value.replace(address.getKey(), address.getValue());
            }
            env.put(name, value.equals("0.0.0.0") ? "127.0.0.1" : value);
        });
        env.put("HTTP_PORT", Integer.toString(ports.get(service).http()));
        env.put("MANAGEMENT_PORT", Integer.toString(ports.get(service).management()));
        // api.line.me, the services' default, is the simulator here.
        env.put("LINE_API_BASE_URL", line.baseUrl().toString());
        return env;
    }

    private int manifestPort(String service) {
        return manifests.get("Service", service).at("/spec/ports/0/port").asInt();
    }

    private void awaitHealthy(String service) {
        ChildProcess process = services.get(service);
        String health = "http://127.0.0.1:" + ports.get(service).management() + "/q/health";
        Wait.until(service + " health at " + health, SERVICE_START_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new AssertionError(service + " stopped:\n" + process.logTail(40));
            }
            return Health.status(health).equals("UP");
        });
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
