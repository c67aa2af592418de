package jp.moshisapo.notification.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.moshisapo.notification.ServiceProcess;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.protocol.events.VisitRecorded;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Ingest throughput: visits waiting on checkin.visits.v1 (6 partitions, 1,000 venues) are consumed into the store
 * by a freshly started service; the rate is read from its own counter
 * {@code moshisapo_notification_visits_ingested_total{outcome="stored"}}.
 *
 * <pre>
 * ./mvnw -B -pl notification-service package -DskipTests
 * ./mvnw -B -pl notification-service exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=jp.moshisapo.notification.bench.IngestBenchmark [-Dexec.args=1000000]
 * </pre>
 */
public final class IngestBenchmark {

    private static final Pattern STORED = Pattern.compile(
            "moshisapo_notification_visits_ingested_total\\{outcome=\"stored\"[^}]*\\} ([0-9.E]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (BenchStack stack = BenchStack.start(false)) {
            produce(stack, total);
            ServiceProcess service = stack.startService(Map.of());
            BenchStack.printLoad();
            long start = System.nanoTime();
            long firstAt = 0;
            double stored = 0;
            while (stored < total) {
                stored = stored(service);
                if (firstAt == 0 && stored > 0) {
                    firstAt = System.nanoTime();
                }
                if (System.nanoTime() - start > 600_000_000_000L) {
                    throw new IllegalStateException("only " + stored + " visits stored after 10 minutes");
                }
                Thread.sleep(100);
            }
            long end = System.nanoTime();
            BenchStack.printLoad();
            System.out.printf("ingested %,d visits: %.1f s after the first was stored, %,.0f visits/s "
                    + "(%.1f s and %,.0f visits/s counted from service ready)%n", total, (end - firstAt) / 1e9,
                    total / ((end - firstAt) / 1e9), (end - start) / 1e9, total / ((end - start) / 1e9));
            System.out.printf("RESULT | visits stored from Kafka per second (%,d visits) | %,.0f | ≥ 20,000%n", total,
                    total / ((end - firstAt) / 1e9));
        }
        System.exit(0);
    }

    private static void produce(BenchStack stack, int total) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        SecureRandom random = new SecureRandom();
        String[] venues = new String[1000];
        for (int i = 0; i < venues.length; i++) {
            venues[i] = PrintedCode.generate(random).canonical();
        }
        long t = System.nanoTime();
        Instant now = Instant.now();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < total; i++) {
                String code = venues[i % venues.length];
                Instant visitedAt = now.minusSeconds(i % (7 * 86_400));
                VisitRecorded visit = VisitRecorded.of(UUID.randomUUID(), "U" + String.format("%032x", i % 300_000),
                        code, visitedAt, visitedAt.plusSeconds(8), jp.moshisapo.notification.Fixtures.EVENT_KEYS);
                producer.send(new ProducerRecord<>(Topic.CHECKIN_VISITS, code, json.writeValueAsString(visit)));
            }
            producer.flush();
        }
        System.out.printf("produced %,d visits in %.1f s%n", total, (System.nanoTime() - t) / 1e9);
    }

    private static double stored(ServiceProcess service) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.metricsUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = STORED.matcher(response.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
