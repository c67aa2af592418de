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
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker in KRaft mode (broker + controller in one process), run as a child JVM from the jars
 * on Maven Central, with storage formatted fresh per instance and deleted on close.
 */
public final class KafkaServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final int controllerPort;
    private final Path runDir;
    private ChildProcess process;

    private KafkaServer(int port, int controllerPort, Path runDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.runDir = runDir;
    }

    /** Starts a broker on a free port. */
    public static KafkaServer start() {
        return start(0);
    }

    /** Starts a broker on {@code port} (0 = a free one) and waits until it answers. */
    public static KafkaServer start(int port) {
        int brokerPort = Ports.freeOrRequested(port, "Kafka");
        KafkaServer server = new KafkaServer(brokerPort, Ports.free(), TempDirs.create("kafka"));
        try {
            server.format();
            server.launch();
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

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
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
        write(config(), """
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%d
                listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                advertised.listeners=PLAINTEXT://127.0.0.1:%d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=-1
                """.formatted(controllerPort, port, controllerPort, port, runDir.resolve("data")));
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A topic to create: name, partitions, and whether it is compacted (a table of latest values by key). */
    public record TopicSpec(String name, int partitions, boolean compacted) {

        NewTopic toNewTopic() {
            NewTopic topic = new NewTopic(name, partitions, (short) 1);
            return compacted ? topic.configs(Map.of("cleanup.policy", "compact")) : topic;
        }
    }
}
