package jp.moshisapo.checkin.processing;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static jp.moshisapo.checkin.Chat.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import jp.moshisapo.checkin.Chat;
import jp.moshisapo.checkin.Venues;
import jp.moshisapo.checkin.code.CodeViewRepository;
import jp.moshisapo.checkin.resident.Pseudonymizer;
import jp.moshisapo.checkin.retention.RetentionJob;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.servers.InjectLineSimulator;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events that fail every time and consumer threads that die, against real Kafka, PostgreSQL and the simulator. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class PoisonEventIT {

    private static final String COMPLETED_START = "同じ施設等の利用者に新型コロナウイルスの感染が確認され";
    /** The service's own backoff (up to 30 s between restarts) is part of these waits. */
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @InjectLineSimulator
    LineSimulator sim;

    @TestHTTPResource("/line/webhook")
    URI webhook;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @Inject
    CodeViewRepository codes;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BatchProcessor processor;

    @Inject
    Pseudonymizer pseudonyms;

    @Inject
    RetentionJob retention;

    @BeforeEach
    void pointTheSimulatorHere() {
        Chat.connect(sim, webhook);
    }

    @Test
    void aPoisonEventIsParkedAndTheOtherResidentsOfItsPartitionAreStillAnswered() throws SQLException {
        double parkedBefore = counter("moshisapo_checkin_events_parked_total");
        PrintedCode code = Venues.issue(codes, "〇〇市民体育館", "アリーナ");
        Chat poisoned = new Chat(sim, "poisoned");
        int partition = partitionOf(poisoned.userId());
        List<Chat> neighbours = Stream.generate(() -> new Chat(sim, "neighbour"))
                .filter(chat -> partitionOf(chat.userId()) == partition).limit(3).toList();

        // A consent button whose scan time no database can store (a year of eight digits): the event parses, the
        // dialogue accepts it, and the visit's INSERT fails, every time it is tried.
        poisoned.postback("consent=yes&code=" + code.canonical() + "&scannedAt=900000000000000000", 0);
        String poisonId = poisoned.last().webhookEventId();
        for (Chat neighbour : neighbours) {
            neighbour.say("チェックイン " + code.display(), 2);
            List<String> done = texts(neighbour.tap("同意する", 1));
            assertTrue(done.get(0).startsWith(COMPLETED_START), done.get(0));
        }

        String row = await("the poison event parked").atMost(Duration.ofSeconds(20))
                .until(() -> parked(poisonId), notNullValue());
        assertTrue(row.contains("22008"), "the reason names the SQLState of the failure: " + row);
        assertFalse(row.contains(poisoned.userId()), "no LINE user id in poison_event");
        assertEquals(parkedBefore + 1, counter("moshisapo_checkin_events_parked_total"),
                "parked once, counted once");
        List<String> again = texts(poisoned.say("チェックイン " + code.display(), 2));
        assertEquals(2, again.size(), "the poisoned resident's own next scan is answered too");
    }

    @Test
    void aConsumerThreadThatDiesIsNotReadyUntilItHasStartedOverAndProcessesAgain() {
        BatchProcessor real = ClientProxy.unwrap(processor);
        AtomicBoolean broken = new AtomicBoolean(true);
        // What ends a thread's loop: an Error out of processing (a class missing after a bad deploy, say).
        QuarkusMock.installMockForType(new BatchProcessor(null, null, null, null, null, null, null, null, null, null) {
            @Override
            public void process(List<ConsumerRecord<String, byte[]>> records) {
                if (broken.get()) {
                    throw new NoClassDefFoundError("jp/moshisapo/checkin/Simulated");
                }
                real.process(records);
            }
        }, BatchProcessor.class);
        Chat jiro = new Chat(sim, "jiro");

        jiro.follow(0);
        await("readiness DOWN while a consumer thread is dead").atMost(RECOVERY).until(
                () -> RestAssured.get(readiness).statusCode() == 503);
        await("a consumer thread started over").atMost(RECOVERY).until(
                () -> counter("moshisapo_checkin_consumer_restarts_total") >= 1);
        broken.set(false);

        List<String> greeting = texts(await("the greeting after the restart").atMost(RECOVERY).until(
                () -> jiro.inbox().size() >= 2 ? jiro.inbox() : null, notNullValue()));
        assertTrue(greeting.get(0).startsWith("友だち追加ありがとうございます。"), greeting.get(0));
        await("readiness UP again").atMost(RECOVERY).until(
                () -> RestAssured.get(readiness).statusCode() == 200);
    }

    @Test
    void parkedEventsAreForgottenAfterTheirRetentionOfSevenDays() throws SQLException {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO poison_event (webhook_event_id, topic, kafka_partition, kafka_offset, error, attempts,
                                          parked_at)
                VALUES (?, 'checkin.webhook-events.v1', 99, ?, 'java.lang.IllegalStateException', 3,
                        now() - ?::interval)
                """)) {
            for (Object[] row : new Object[][] {{old, 8}, {recent, 6}}) {
                insert.setString(1, (String) row[0]);
                insert.setLong(2, System.nanoTime());
                insert.setString(3, row[1] + " days");
                insert.executeUpdate();
            }
        }

        retention.run();

        assertNull(parked(old), "parked 8 days ago: gone");
        assertNotNull(parked(recent), "parked 6 days ago: still there for the operator");
    }

    private double counter(String name) {
        String body = RestAssured.get(metrics).asString();
        return body.lines().filter(line -> line.startsWith(name))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The parked row as text, or null while there is none. */
    private String parked(String webhookEventId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT p::text FROM poison_event p WHERE webhook_event_id = ?")) {
            s.setString(1, webhookEventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The partition Kafka's default partitioner gives this resident's key (the pseudonym) on the webhook-events topic. */
    private int partitionOf(String userId) {
        byte[] key = pseudonyms.pseudonymOf(userId).hex().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitionCount();
    }

    private static int partitions;

    private static synchronized int partitionCount() {
        if (partitions == 0) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new StringDeserializer())) {
                partitions = consumer.partitionsFor("checkin.webhook-events.v1").size();
            }
        }
        return partitions;
    }
}
