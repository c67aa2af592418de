package jp.moshisapo.notification;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.linesim.messaging.Endpoint;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresServer;
import jp.moshisapo.servers.PostgresTestResource;
import jp.moshisapo.servers.SharedServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Drills on the packaged service as a separate process, configured through its environment as in the cluster:
 * killed with SIGKILL in the middle of a case, and a case that outlives its deadline. (A @QuarkusTest only so that
 * it shares this JVM's Kafka, PostgreSQL and Keycloak with the other tests.)
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class ServiceProcessIT {

    private LineSimulator line;
    private StoreProbe store;
    private ServiceProcess service;

    @BeforeEach
    void privateLinePlatform() {
        line = LineSimulator.start(LineSimulatorConfig.defaults());
    }

    @AfterEach
    void stopAll() {
        if (service != null) {
            service.close();
        }
        line.close();
    }

    @Test
    void aServiceKilledMidSendResumesOnRestartAndEveryResidentGetsExactlyOneMessage() {
        // 5 multicasts/s after the pacer's burst, and answers 1 s late: the case takes seconds, and requests are in
        // flight (accepted by LINE, not yet answered) when it dies
        service = start(Map.of("LINE_MULTICAST_PER_SECOND", "5"), "crash");
        line.faults().delay(Endpoint.MULTICAST, Duration.ofMillis(1_000));
        String code = Fixtures.newCode();
        Fixtures.publishCode(code, "大型商業施設", "全館");
        store.awaitCode(code);
        List<String> users = Fixtures.crowd("crash-" + UUID.randomUUID(), 20_000, code);
        store.awaitVisits(code, 20_000);
        long id = createAndApprove(code);

        await("sending past the pacer's burst").atMost(Duration.ofSeconds(60)).until(
                () -> line.stats().of(Endpoint.MULTICAST).accepted() >= 22);
        service.kill();
        long acceptedBeforeCrash = line.stats().of(Endpoint.MULTICAST).accepted();
        long pendingAfterCrash = store.count(
                "SELECT count(*) FROM delivery_batch WHERE case_id = ? AND status = 'PENDING'", id);
        assertTrue(acceptedBeforeCrash < 40 && pendingAfterCrash > 0,
                "the crash came mid-send: " + acceptedBeforeCrash + " accepted, " + pendingAfterCrash + " pending");
        assertTrue(acceptedBeforeCrash > 40 - pendingAfterCrash, "some accepted batches were not yet recorded");

        line.faults().clear();
        service.restart();
        store.awaitState(id, "DONE", Duration.ofSeconds(120));

        users.forEach(u -> assertEquals(1, line.inboxSize(u), "no duplicates, no losses"));
        assertEquals(40, line.stats().of(Endpoint.MULTICAST).accepted(), "each batch accepted once");
        JsonPath report = given().baseUri(service.baseUrl()).auth().oauth2(Fixtures.token("staff1"))
                .get("/admin/cases/" + id + "/report").then().statusCode(200).extract().jsonPath();
        assertEquals(20_000, report.getInt("recipients.delivered"));
        assertEquals(40, report.getInt("batches.sent"));
    }

    @Test
    void aCaseWhoseBatchesKeepFailingEndsFailedAtItsDeadlineInsteadOfHanging() {
        service = start(Map.of("FANOUT_DEADLINE", "4s"), "deadline");
        String code = Fixtures.newCode();
        Fixtures.publishCode(code, "野外フェス会場", "メインステージ");
        store.awaitCode(code);
        List<String> users = Fixtures.crowd("outage-" + UUID.randomUUID(), 1100, code);
        store.awaitVisits(code, 1100);

        line.faults().failFor(Endpoint.MULTICAST, 503, Duration.ofMinutes(5));
        long id = createAndApprove(code);
        store.awaitState(id, "FAILED", Duration.ofSeconds(60));

        JsonPath report = given().baseUri(service.baseUrl()).auth().oauth2(Fixtures.token("staff1"))
                .get("/admin/cases/" + id + "/report").then().statusCode(200).extract().jsonPath();
        assertEquals(3, report.getInt("batches.failed"));
        assertEquals(1100, report.getInt("recipients.failed"));
        assertEquals(0, report.getInt("recipients.delivered"));
        assertTrue(report.getString("failures[0].error").contains("deadline passed"));
        assertTrue(report.getString("failures[0].error").contains("HTTP 503"));
        assertTrue(report.getInt("batches.retries") > 0);
        users.forEach(u -> assertEquals(0, line.inboxSize(u)));
    }

    private ServiceProcess start(Map<String, String> settings, String name) {
        PostgresServer postgres = SharedServers.postgres();
        String database = "process_" + name + "_" + Long.toHexString(System.nanoTime());
        postgres.createDatabase(database);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl(database) + "?currentSchema=notification");
        dataSource.setUser(PostgresServer.USER);
        dataSource.setPassword(PostgresServer.PASSWORD);
        store = new StoreProbe(dataSource);

        String group = "notification-process-" + UUID.randomUUID();
        // The packaged service runs in its production profile, which has no local keys.
        Map<String, String> env = new HashMap<>(ServiceProcess.localRequiredSettings(line.config().channelAccessToken()));
        env.putAll(settings);
        env.put("NOTIFICATION_DB_URL", postgres.jdbcUrl(database));
        env.put("KAFKA_BOOTSTRAP_SERVERS", SharedServers.kafka().bootstrapServers());
        env.put("OIDC_AUTH_SERVER_URL", SharedServers.keycloak().realmUrl());
        env.put("LINE_API_BASE_URL", line.baseUrl().toString());
        env.put("MP_MESSAGING_INCOMING_VISITS_GROUP_ID", group);
        env.put("MP_MESSAGING_INCOMING_RESIDENTS_GROUP_ID", group);
        env.put("MP_MESSAGING_INCOMING_CODES_GROUP_ID", group);
        env.put("FANOUT_REQUEST_TIMEOUT", "2s");
        return ServiceProcess.start(env, "service-" + name);
    }

    private long createAndApprove(String code) {
        long id = given().baseUri(service.baseUrl()).auth().oauth2(Fixtures.token("staff1"))
                .contentType(ContentType.JSON).body(Map.of("codes", List.of(code), "dates",
                        List.of(Fixtures.today().toString()), "note", "drill"))
                .post("/admin/cases").then().statusCode(201).extract().jsonPath().getLong("id");
        given().baseUri(service.baseUrl()).auth().oauth2(Fixtures.token("approver1"))
                .post("/admin/cases/" + id + "/approve").then().statusCode(200);
        return id;
    }
}
