package jp.moshisapo.checkin.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.CodeState;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.servers.ChildProcess;
import jp.moshisapo.servers.KafkaServer;
import jp.moshisapo.servers.Ports;
import jp.moshisapo.servers.PostgresServer;
import jp.moshisapo.servers.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The check-in benchmark (docs/performance.md, "checkin-service"). Starts a real Kafka broker and PostgreSQL, the
 * LINE simulator (in this JVM, which is the load generator) and the packaged checkin-service as its own JVM; then
 * residents check in through signed webhooks for a warm-up and a measured period; finally every visit is counted
 * on checkin.visits.v1. Prints check-ins/s, webhook p50/p99 and lost/duplicated visits.
 *
 * <pre>checkin-service/bench.sh [--duration 60] [--warmup 15] [--threads 48] [--rate 0] [--venues 200]
 *                           [--reply-limit 100000] [--service-heap 768m] [--service-opts "JVM options"]</pre>
 * {@code --rate} is check-ins per second in total (0 = as fast as the threads go).
 */
public final class CheckinBench {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CheckinBench() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(options(args));
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        } finally {
            System.out.flush();
            System.err.flush();
            // The JDK HttpClient keeps non-daemon threads around; the servers are closed already.
            Runtime.getRuntime().halt(status);
        }
    }

    private static void run(Map<String, String> options) throws Exception {
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "60")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "15")));
        int threads = Integer.parseInt(options.getOrDefault("threads", "48"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "0"));
        int venues = Integer.parseInt(options.getOrDefault("venues", "200"));
        int replyLimit = Integer.parseInt(options.getOrDefault("reply-limit", "100000"));
        Load.Client client = Load.Client.valueOf(options.getOrDefault("client", "lean").toUpperCase(Locale.ROOT));
        Path jar = serviceJar();
        Path runDir = Files.createDirectories(jar.getParent().getParent().resolve("bench"));

        System.out.printf("checkin benchmark: %d s warm-up, %d s measured, %d threads, rate %s, %d venues, %s client%n",
                warmup.toSeconds(), duration.toSeconds(), threads, rate == 0 ? "unlimited" : rate + "/s", venues,
                client.name().toLowerCase(Locale.ROOT));
        try (KafkaServer kafka = KafkaServer.start(); PostgresServer postgres = PostgresServer.start();
                LineSimulator sim = LineSimulator.start(LineSimulatorConfig.defaults()
                        .withReplyPerSecond(replyLimit).withPushPerSecond(replyLimit))) {
            kafka.createTopics(Topics.ALL);
            postgres.createDatabase("checkin");
            List<PrintedCode> codes = publishVenues(kafka.bootstrapServers(), venues);
            int httpPort = Ports.free();
            int managementPort = Ports.free();
            sim.setWebhookUrl(URI.create("http://127.0.0.1:" + httpPort + "/line/webhook"));
            Map<String, String> env = new HashMap<>(Map.of(
                    "HTTP_PORT", Integer.toString(httpPort),
                    "MANAGEMENT_PORT", Integer.toString(managementPort),
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "CHECKIN_DB_URL", postgres.jdbcUrl("checkin"),
                    "CHECKIN_DB_USER", PostgresServer.USER,
                    "CHECKIN_DB_PASSWORD", PostgresServer.PASSWORD,
                    "RESIDENT_PSEUDONYM_KEY", "bench-pseudonym-key",
                    "LINE_API_BASE_URL", sim.baseUrl().toString(),
                    "LINE_CHANNEL_SECRET", sim.config().channelSecret(),
                    "LINE_CHANNEL_ACCESS_TOKEN", sim.config().channelAccessToken()));
            env.put("EVENT_ENCRYPTION_KEYS", VisitCount.BENCH_EVENT_KEYS);
            env.put("EVENT_ENCRYPTION_ACTIVE_KEY_ID", "bench");
            env.put("PREFECTURE_CONTACT", "岩手県庁 健康国保課 医療情報担当");
            List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(),
                    "-Xmx" + options.getOrDefault("service-heap", "768m")));
            if (options.containsKey("service-opts")) {
                command.addAll(List.of(options.get("service-opts").trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString()));
            try (ChildProcess service = ChildProcess.start("checkin-service", command, runDir, env,
                    runDir.resolve("checkin-service.log"))) {
                awaitReady(service, managementPort);
                Load load = new Load(sim, client, codes, threads, rate);
                print("warm-up", load.run(warmup, "warmup"));
                CpuUse before = CpuUse.now(service.pid(), postgres.port());
                ServiceMetrics metricsBefore = ServiceMetrics.scrape(managementPort);
                Load.Result measured = load.run(duration, "load");
                print("measured", measured);
                printCpu(CpuUse.now(service.pid(), postgres.port()).since(before), measured);
                printAnswerDelay(metricsBefore, ServiceMetrics.scrape(managementPort));
                awaitBacklog(managementPort, load.acceptedConsents().size());
                count(kafka.bootstrapServers(), load);
                printMetrics(managementPort);
            }
        }
    }

    private static void print(String phase, Load.Result result) {
        Latencies webhook = result.webhook();
        System.out.printf("%-9s %7d check-ins in %5.1f s = %7.1f check-ins/s | webhook requests %d: p50 %.1f ms, "
                        + "p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n", phase, result.checkins(),
                result.elapsed().toMillis() / 1000.0, result.checkinsPerSecond(), webhook.size(), webhook.millis(0.5),
                webhook.millis(0.99), webhook.millis(0.999), webhook.millis(1.0));
        if (phase.equals("measured")) { // lines the project's bench script collects into docs/performance.md
            System.out.printf("RESULT | check-ins per second | %.0f | ≥ 2,000%n", result.checkinsPerSecond());
            System.out.printf("RESULT | webhook response time | p50 %.1f ms, p99 %.1f ms | p99 < 100 ms%n",
                    webhook.millis(0.5), webhook.millis(0.99));
        }
    }

    /**
     * CPU per check-in of every process: the cost of a check-in whatever else ran on the machine, and from it the
     * rate two otherwise idle cores could carry.
     */
    private static void printCpu(Map<String, Duration> used, Load.Result measured) {
        double checkins = Math.max(1, measured.checkins());
        double total = used.values().stream().mapToLong(Duration::toNanos).sum() / 1e6;
        System.out.printf("cpu       %.2f ms CPU per check-in in total (", total / checkins);
        System.out.print(used.entrySet().stream().filter(e -> !e.getValue().isZero())
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue().toNanos() / 1e6 / checkins))
                .collect(Collectors.joining(", ")));
        System.out.printf("); %.1f CPU-s used in %.1f s => all parts together could carry ~%.0f check-ins/s on 2 "
                        + "idle cores; load average now %s%n", total / 1000, measured.elapsed().toMillis() / 1000.0,
                2000.0 / (total / checkins), loadAverage());
    }

    /** What residents waited during the measured period: LINE's event timestamp → our reply accepted. */
    private static void printAnswerDelay(ServiceMetrics before, ServiceMetrics after) {
        String delay = "moshisapo_checkin_answer_delay_seconds";
        System.out.printf("replies   %.0f sent in the measured period; resident's wait from event to reply: "
                        + "p50 ≤ %.0f ms, p99 ≤ %.0f ms (histogram bucket bounds)%n",
                after.value(delay + "_count") - before.value(delay + "_count"),
                after.quantileMillisSince(before, delay, 0.5), after.quantileMillisSince(before, delay, 0.99));
    }

    /** Time until the service's own visit counter reaches the consents accepted: the backlog left by the load. */
    private static void awaitBacklog(int managementPort, long accepted) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(2).toNanos();
        while (ServiceMetrics.scrape(managementPort).value("moshisapo_checkin_visits_recorded_total") < accepted
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.printf("backlog   processing finished %.2f s after the load stopped%n",
                (System.nanoTime() - start) / 1e9);
    }

    /** Runnable threads of the whole machine: the benchmark's own and those of whatever else runs there. */
    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void count(String bootstrapServers, Load load) {
        VisitCount visits = new VisitCount(bootstrapServers);
        try {
            visits.awaitAll(load.acceptedConsents(), Duration.ofSeconds(120));
            long accepted = load.acceptedConsents().size();
            long found = visits.found(load.acceptedConsents());
            System.out.printf("visits    %d consents accepted (warm-up + measured), %d visits on %s; "
                            + "lost %d, duplicated %d, without an accepted consent %d; failed webhook requests %d%n",
                    accepted, visits.records(), Topic.CHECKIN_VISITS, accepted - found, visits.duplicates(),
                    visits.unmatched(load.acceptedConsents()), load.failedRequests());
            System.out.printf("RESULT | visits lost / duplicated on the topic | %d / %d of %d | 0 / 0%n",
                    accepted - found, visits.duplicates(), accepted);
        } finally {
            visits.close();
        }
    }

    private static void printMetrics(int managementPort) {
        System.out.println("service metrics:");
        ServiceMetrics.scrape(managementPort).samples().forEach((sample, value) -> {
            if (sample.startsWith("moshisapo_") && !sample.contains("_bucket")) {
                System.out.println("  " + sample + " " + value);
            }
        });
    }

    private static List<PrintedCode> publishVenues(String bootstrapServers, int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        List<PrintedCode> codes = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                PrintedCode code = PrintedCode.generate(random);
                CodeState state = CodeState.of(code.canonical(), CodeState.Status.ACTIVE, UUID.randomUUID(),
                        "ベンチ会館 " + i, "FOOD_SERVICE", (i % 5 + 1) + "階", Instant.now());
                producer.send(new ProducerRecord<>(Topic.FACILITY_CODES, code.canonical(),
                        JSON.writeValueAsString(state)));
                codes.add(code);
            }
            producer.flush();
        }
        return codes;
    }

    /** Ready means the code view has caught up with the codes published before the start. */
    private static void awaitReady(ChildProcess service, int managementPort) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            service.requireAlive();
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("checkin-service not ready:\n" + service.logTail(40));
    }

    private static Path serviceJar() {
        for (String candidate : List.of("target/quarkus-app/quarkus-run.jar",
                "checkin-service/target/quarkus-app/quarkus-run.jar")) {
            Path jar = Path.of(candidate).toAbsolutePath();
            if (Files.exists(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("build the service first: ./mvnw -pl checkin-service package -DskipTests");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
