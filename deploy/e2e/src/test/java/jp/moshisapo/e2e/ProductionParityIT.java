package jp.moshisapo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.moshisapo.e2e.production.ProductionStack;
import jp.moshisapo.e2e.production.ProductionStack.StartAttempt;
import jp.moshisapo.linesim.LineSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production-parity drill: the four packaged services in their {@code prod} profile, each with the environment
 * of its Deployment in the rendered production overlay (its initContainer, the migrations as the database's owner,
 * run first), against Kafka over SASL_SSL with SCRAM users and the manifests' ACLs, PostgreSQL over verify-full TLS
 * as each service's runtime role, and Keycloak in production mode with the production realm. A venue registers, a
 * resident checks in, staff log in as the console does, open and approve a case, and the resident is told exactly
 * once; again after a Kafka broker restart; the audit chain verifies, and the service's own role cannot unprotect
 * it. What it proves and what it cannot: docs/operations.md, "Production-parity drill".
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionParityIT {

    private static final String NOTICE_MARK = "【お知らせ】";
    private static final Duration CASE_PATIENCE = Duration.ofMinutes(3);

    private static ProductionStack stack;

    @BeforeAll
    static void startProductionShape() {
        Path root = Path.of(System.getProperty("moshisapo.root", "../..")).toAbsolutePath().normalize();
        stack = ProductionStack.start(root, root.resolve("deploy/e2e/target/production-drill-logs"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceRefusesToStartWithoutItsSecretsNamingEachOne() {
        for (String service : ProductionStack.SERVICES) {
            // The Kafka credentials are checked by the broker, not at start: without them the story below fails.
            List<String> missing = new ArrayList<>(stack.secretVariables(service).stream()
                    .filter(variable -> !variable.startsWith("KAFKA_")).toList());
            if (!service.equals("checkin-service")) {
                missing.add("OIDC_AUTH_SERVER_URL"); // who may sign staff in is as vital as a secret
            }
            StartAttempt attempt = stack.startWithout(service, missing);
            assertNotEquals(0, attempt.exitCode(), service + " started without " + missing);
            for (String variable : missing) {
                assertTrue(attempt.output().lines().anyMatch(line -> line.contains(variable)),
                        service + " must name " + variable + " when it refuses to start:\n" + attempt.output());
            }
        }
    }

    @Test
    @Order(2)
    void aVenuesFirstCodeReachesCheckInAndTheResidentIsToldOnce() {
        playTheStory("本番同等テスト食堂", "prod-drill-first");
    }

    @Test
    @Order(3)
    void theStoryHoldsAfterAKafkaBrokerRestart() {
        stack.kafka().stop();
        stack.kafka().restart();
        playTheStory("本番同等テスト食堂 再起動後", "prod-drill-after-restart");
    }

    @Test
    @Order(4)
    void theAuditChainVerifiesAndTheServicesRoleCannotUnprotectIt() throws SQLException {
        JsonNode verification = Staff.at(stack.gatewayUrl(), () -> stack.login("drill-approver")).verifyAudit();
        assertTrue(verification.path("ok").asBoolean(), verification.toString());
        assertTrue(verification.path("entries").asLong() >= 4, "both stories' cases are in the log: " + verification);

        try (Connection runtime = stack.connectAs("moshisapo-pg-notification-app", "notification");
                Statement s = runtime.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.execute("ALTER TABLE notification.audit_event DISABLE TRIGGER ALL"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
        }
    }

    /** Register → check in → case → approval → exactly one notice, all through the gateway. */
    private static void playTheStory(String venueName, String residentName) {
        String gateway = stack.gatewayUrl();
        LineSimulator line = stack.line();
        Venue venue = Venue.registerAt(gateway, venueName, "客席");
        // SASL_SSL, SCRAM and the manifests' ACLs let the outbox publish: the class of defect this drill exists for.
        stack.awaitCodeOnKafka(Venue.canonical(venue.code()));

        String resident = LineSimulator.userIdFor(residentName);
        try {
            new CheckIns(line).checkInAtNewVenue(resident, URI.create(gateway + "/c/" + Venue.canonical(venue.code())),
                    Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            throw new AssertionError("the check-in did not complete; the resident's chat: "
                    + line.inbox(resident).stream().map(m -> m.text()).toList(), e);
        }

        Staff staff = Staff.at(gateway, () -> stack.login("drill-staff"));
        Staff approver = Staff.at(gateway, () -> stack.login("drill-approver"));
        long caseId = staff.openCase(venue.code(), LocalDate.now(ZoneId.of("Asia/Tokyo")), "production drill");
        assertEquals(1, staff.awaitPreviewVisits(caseId, 1, CASE_PATIENCE).path("residents").asInt());
        approver.approve(caseId);
        approver.awaitState(caseId, "DONE", CASE_PATIENCE);

        assertEquals(1, line.inbox(resident).stream().filter(m -> m.text().contains(NOTICE_MARK)).count(),
                "the resident who was there is told exactly once");
    }
}
