package jp.moshisapo.servers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker in KRaft mode (broker + controller in one process), run as a child JVM from the jars
 * on Maven Central, with storage formatted fresh per instance and deleted on close.
 * <p>
 * {@link #start()} gives the laptop shape (PLAINTEXT, no authorization, topics created on demand);
 * {@link #startSecure(TestCa)} the production shape of Strimzi: one SASL_SSL listener with SCRAM-SHA-512, a
 * certificate from the test CA, {@code StandardAuthorizer} with deny-by-default, no automatic topic creation, and
 * {@code User:admin} as the only super user; users and ACLs are added through the Admin API.
 */
public final class KafkaServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final int controllerPort;
    private final Path runDir;
    private final KafkaSecurity security;
    private ChildProcess process;

    private KafkaServer(int port, int controllerPort, Path runDir, KafkaSecurity security) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.runDir = runDir;
        this.security = security;
    }

    /** Starts a broker on a free port. */
    public static KafkaServer start() {
        return start(0);
    }

    /** Starts a broker on {@code port} (0 = a free one) and waits until it answers. */
    public static KafkaServer start(int port) {
        return start(port, null, List.of());
    }

    /** Starts a production-shaped broker (SASL_SSL + SCRAM-SHA-512 + ACLs) on a free port, with a certificate from {@code ca}. */
    public static KafkaServer startSecure(TestCa ca) {
        return startSecure(ca, List.of());
    }

    /** Starts a production-shaped broker and adds the SCRAM-SHA-512 {@code users} (without any ACL yet). */
    public static KafkaServer startSecure(TestCa ca, List<ScramUser> users) {
        return start(0, new KafkaSecurity(ca), users);
    }

    private static KafkaServer start(int port, KafkaSecurity security, List<ScramUser> users) {
        int brokerPort = Ports.freeOrRequested(port, "Kafka");
        KafkaServer server = new KafkaServer(brokerPort, Ports.free(), TempDirs.create("kafka"), security);
        try {
            server.format();
            server.launch();
            if (!users.isEmpty()) {
                server.addScramUsers(users);
            }
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Whether this broker runs in the production shape ({@link #startSecure(TestCa)}). */
    public boolean isSecure() {
        return security != null;
    }

    /**
     * Adds (or changes the password of) SCRAM-SHA-512 users, and returns once each can log in: the broker applies
     * credentials from the metadata log a moment after the controller commits them.
     */
    public void addScramUsers(List<ScramUser> users) {
        requireSecure();
        List<UserScramCredentialAlteration> upserts = users.stream()
                .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user.name(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), user.password()))
                .toList();
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new ServerStartException("cannot add SCRAM users: " + e, e);
        }
        for (ScramUser user : users) {
            Wait.until("SCRAM user " + user.name() + " to log in", Duration.ofSeconds(30),
                    () -> canLogIn(user));
        }
    }

    /** Grants the ACLs (ALLOW, any host) and returns once the broker's authorizer enforces them. */
    public void createAcls(List<KafkaAcl> acls) {
        requireSecure();
        List<AclBinding> bindings = acls.stream().flatMap(acl -> acl.toBindings().stream()).toList();
        try (Admin admin = admin()) {
            admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
            // DescribeAcls is answered from the broker's own authorizer, so seeing them there means they apply.
            Wait.until(bindings.size() + " ACLs on the broker", Duration.ofSeconds(30), () -> {
                try {
                    return admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS)
                            .containsAll(bindings);
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (ExecutionException | InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new ServerStartException("cannot create ACLs: " + e, e);
        }
    }

    /**
     * The settings a service sets to connect as {@code user} (bootstrap.servers, security.protocol=SASL_SSL,
     * sasl.mechanism=SCRAM-SHA-512, sasl.jaas.config, ssl.truststore.type=PEM, ssl.truststore.location); plain
     * mode: bootstrap.servers only.
     */
    public Map<String, String> clientConfig(String user, String password) {
        if (security == null) {
            return Map.of("bootstrap.servers", bootstrapServers());
        }
        return Map.copyOf(security.clientConfig(bootstrapServers(), user, password));
    }

    /** Client settings of the super user {@code User:admin} (topics, users, ACLs); plain mode: bootstrap only. */
    public Map<String, String> adminClientConfig() {
        if (security == null) {
            return Map.of("bootstrap.servers", bootstrapServers());
        }
        return Map.copyOf(security.adminConfig(bootstrapServers()));
    }

    /** A {@code sasl.jaas.config} value for a SCRAM login as {@code user}. */
    public static String scramJaasConfig(String user, String password) {
        return KafkaSecurity.jaasConfig(user, password);
    }

    /** The PEM file of the CA that signed the broker's certificate (the clients' truststore); secure mode only. */
    public Path caCertificateFile() {
        requireSecure();
        return security.caCertificateFile();
    }

    /** The same CA certificate as PEM text, as Strimzi's {@code <cluster>-cluster-ca-cert} Secret holds it. */
    public String caCertificatePem() {
        requireSecure();
        return security.caCertificatePem();
    }

    /** Where the broker keeps its config, logs and data; deleted on close. */
    public Path runDirectory() {
        return runDir;
    }

    /** Creates topics that do not exist yet. */
    public void createTopics(List<TopicSpec> topics) {
        try (Admin admin = admin()) {
            List<NewTopic> newTopics = topics.stream().map(TopicSpec::toNewTopic).toList();
            try {
                admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new ServerStartException("cannot create topics: " + e.getCause().getMessage(), e);
                }
                // Some existed already: create the rest one by one, ignoring the existing ones.
                for (NewTopic topic : newTopics) {
                    try {
                        admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException exists) {
                        if (!(exists.getCause() instanceof TopicExistsException)) {
                            throw new ServerStartException("cannot create topic " + topic.name(), exists);
                        }
                    }
                }
            }
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new ServerStartException("cannot create topics: " + e, e);
        }
    }

    /** Stops the broker but keeps its data, as an outage drill does; {@link #restart()} brings it back. */
    public void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** Kills the broker with SIGKILL, keeping its data. */
    public void kill() {
        if (process != null) {
            process.kill();
            process.close();
            process = null;
        }
    }

    /** Starts the stopped broker again on the same ports with the same data. */
    public void restart() {
        if (process == null) {
            launch();
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
        TempDirs.delete(runDir);
    }

    /**
     * A KRaft cluster id: 16 random bytes, Base64url without padding (what StorageTool random-uuid prints). Like
     * Kafka's own generator, it never starts with '-', which the command line would take for an option.
     */
    static String newClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private void format() {
        writeConfig();
        String clusterId = newClusterId();
        List<String> command = javaCommand("256m", "kafka.tools.StorageTool",
                "format", "-t", clusterId, "-c", config().toString(), "--standalone");
        if (security != null) {
            command.addAll(security.formatArguments());
        }
        try (ChildProcess formatter = ChildProcess.start("kafka-storage-format", command, runDir, Map.of(),
                runDir.resolve("format.log"))) {
            Wait.until("Kafka storage format", Duration.ofSeconds(60), () -> !formatter.isAlive());
            if (!Files.exists(runDir.resolve("data/meta.properties"))) {
                throw new ServerStartException("Kafka storage format failed:\n" + formatter.logTail(30));
            }
        }
    }

    private void launch() {
        process = ChildProcess.start("kafka", javaCommand("512m", "kafka.Kafka", config().toString()), runDir,
                Map.of(), runDir.resolve("server.log"));
        Wait.until("Kafka broker on " + bootstrapServers(), START_TIMEOUT, () -> {
            process.requireAlive();
            return Ports.isOpen(port) && clusterAnswers();
        });
    }

    private boolean clusterAnswers() {
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private boolean canLogIn(ScramUser user) {
        Properties props = new Properties();
        props.putAll(clientConfig(user.name(), user.password()));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void requireSecure() {
        if (security == null) {
            throw new IllegalStateException("users, ACLs and the CA exist only on a broker from startSecure(...)");
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.putAll(adminClientConfig());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return Admin.create(props);
    }

    private List<String> javaCommand(String heap, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(),
                "-Xms64m", "-Xmx" + heap, "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=" + log4jConfig(),
                "-cp", Distributions.kafkaClasspath() + File.pathSeparator + ownJar(),
                ParentWatch.class.getName(), Long.toString(ProcessHandle.current().pid()), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static String ownJar() {
        try {
            return Path.of(ParentWatch.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new ServerStartException("cannot locate the servers jar", e);
        }
    }

    private Path config() {
        return runDir.resolve("server.properties");
    }

    private String log4jConfig() {
        Path file = runDir.resolve("log4j2.properties");
        if (!Files.exists(file)) {
            write(file, """
                    status = warn
                    appender.file.type = File
                    appender.file.name = file
                    appender.file.fileName = %s
                    appender.file.layout.type = PatternLayout
                    appender.file.layout.pattern = %%d{ISO8601} %%-5p [%%c{1}] %%m%%n
                    rootLogger.level = info
                    rootLogger.appenderRef.file.ref = file
                    """.formatted(runDir.resolve("kafka.log")));
        }
        return file.toString();
    }

    private void writeConfig() {
        String listeners = security != null ? security.brokerProperties(port, controllerPort) : """
                listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                advertised.listeners=PLAINTEXT://127.0.0.1:%d
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                auto.create.topics.enable=true
                """.formatted(port, controllerPort, port);
        write(config(), listeners + """
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%d
                controller.listener.names=CONTROLLER
                log.dirs=%s
                num.partitions=3
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=-1
                """.formatted(controllerPort, runDir.resolve("data")));
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A SCRAM-SHA-512 login of a secure broker ({@code User:<name>} in ACLs). */
    public record ScramUser(String name, String password) {
    }

    /**
     * A topic to create: name, partitions, whether it is compacted (a table of latest values by key), and topic
     * configs such as {@code retention.ms} and {@code segment.ms} (the broker keeps everything otherwise).
     */
    public record TopicSpec(String name, int partitions, boolean compacted, Map<String, String> config) {

        public TopicSpec {
            config = Map.copyOf(config);
        }

        public TopicSpec(String name, int partitions, boolean compacted) {
            this(name, partitions, compacted, Map.of());
        }

        NewTopic toNewTopic() {
            Map<String, String> configs = new java.util.HashMap<>(config);
            if (compacted) {
                configs.put("cleanup.policy", "compact");
            }
            return new NewTopic(name, partitions, (short) 1).configs(configs);
        }
    }
}
