package jp.moshisapo.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The audit log drill. The service's own database role cannot change or remove the log, whatever it tries; the
 * database's owner can (as a DB administrator rewriting history would), and the verification then names the
 * entry: altered, missing or inserted. Each tampering is undone afterwards, and the chain verifies again.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class AuditTamperingIT {

    /** PostgreSQL's insufficient_privilege: "permission denied" and "must be owner". */
    private static final String NOT_ALLOWED = "42501";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theServicesOwnRoleCanNeitherChangeNorRemoveNorUnprotectTheLog() {
        long caseId = newCase();
        StoreProbe asService = new StoreProbe(dataSource);
        List<String> refused = new ArrayList<>();
        for (String sql : List.of(
                "UPDATE audit_event SET actor_name = 'someone' WHERE case_id = " + caseId,
                "DELETE FROM audit_event WHERE case_id = " + caseId,
                "TRUNCATE audit_event",
                "ALTER TABLE audit_event DISABLE TRIGGER audit_event_chain",
                "ALTER TABLE audit_event DISABLE TRIGGER ALL",
                "DROP TRIGGER audit_event_no_update_delete ON audit_event",
                "DROP TABLE audit_event")) {
            SQLException e = asService.tryExecute(sql);
            assertNotNull(e, "the service's role could run: " + sql);
            assertEquals(NOT_ALLOWED, e.getSQLState(), sql + ": " + e.getMessage());
            refused.add(sql);
        }
        assertEquals(7, refused.size());

        // What it may do, append, cannot forge a number, a link or a time: the database sets them.
        assertEquals(null, asService.tryExecute("INSERT INTO audit_event (actor, actor_name, action, case_id, at, "
                + "seq, prev_hash, hash) VALUES ('x', 'x', 'CASE_VIEWED', " + caseId + ", '2000-01-01', 1, "
                + "'\\x00', '\\x00')"));
        assertEquals("0", asService.query("SELECT count(*) FROM audit_event WHERE at < '2001-01-01'"));
        assertChainOk();
    }

    @Test
    void anOwnerChangingAnEntrysDetailsIsReportedAtThatEntry() throws SQLException {
        long middle = middleEntry();
        String head = assertChainOk().getString("headHash");
        try (Connection owner = StoreProbe.owner(); Statement s = owner.createStatement()) {
            s.execute("CREATE TEMP TABLE original AS SELECT details FROM audit_event WHERE seq = " + middle);
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            s.execute("UPDATE audit_event SET details = '{\"residents\": 0}' WHERE seq = " + middle);
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");

            assertBroken("ALTERED", middle);

            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            s.execute("UPDATE audit_event SET details = (SELECT details FROM original) WHERE seq = " + middle);
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
        }
        assertEquals(head, assertChainOk().getString("headHash"));
    }

    @Test
    void anOwnerDeletingAMiddleEntryIsReportedMissing() throws SQLException {
        long middle = middleEntry();
        String head = assertChainOk().getString("headHash");
        try (Connection owner = StoreProbe.owner(); Statement s = owner.createStatement()) {
            s.execute("CREATE TEMP TABLE removed AS SELECT * FROM audit_event WHERE seq = " + middle);
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            s.execute("DELETE FROM audit_event WHERE seq = " + middle);
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");

            assertBroken("MISSING", middle);

            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            s.execute("INSERT INTO audit_event SELECT * FROM removed");
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
        }
        assertEquals(head, assertChainOk().getString("headHash"));
    }

    @Test
    void anOwnerSlippingInAForgedEntryIsReportedInsertedEvenWithCorrectHashes() throws SQLException {
        long middle = middleEntry();
        String head = assertChainOk().getString("headHash");
        try (Connection owner = StoreProbe.owner(); Statement s = owner.createStatement()) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            // Make room at `middle` (two steps: seq is unique), then forge an approval there, chained to the entry
            // before it exactly as the trigger would have done.
            s.execute("UPDATE audit_event SET seq = -seq WHERE seq >= " + middle);
            s.execute("UPDATE audit_event SET seq = -seq + 1 WHERE seq < 0");
            s.execute("INSERT INTO audit_event (actor, actor_name, action, case_id, seq, prev_hash, hash) "
                    + "SELECT 'forged', 'forger', 'CASE_APPROVED', 1, " + middle + ", hash, '\\x00' "
                    + "FROM audit_event WHERE seq = " + (middle - 1));
            s.execute("UPDATE audit_event f SET hash = sha256(f.prev_hash || convert_to(audit_event_canonical(f), "
                    + "'UTF8')) WHERE seq = " + middle);
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");

            assertBroken("INSERTED", middle);

            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            s.execute("DELETE FROM audit_event WHERE seq = " + middle);
            s.execute("UPDATE audit_event SET seq = -seq WHERE seq > " + middle);
            s.execute("UPDATE audit_event SET seq = -seq - 1 WHERE seq < 0");
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
        }
        assertEquals(head, assertChainOk().getString("headHash"));
    }

    @Test
    void anOwnerRecomputingEveryLaterHashPassesTheChainButNotAHeadLoggedEarlier() throws SQLException {
        long middle = middleEntry();
        JsonPath before = assertChainOk();
        long anchorSeq = before.getLong("headSeq");
        String anchor = "/admin/audit/verify?anchorSeq=" + anchorSeq + "&anchorHash=" + before.getString("headHash");
        try (Connection owner = StoreProbe.owner(); Statement s = owner.createStatement()) {
            s.execute("CREATE TEMP TABLE original AS SELECT seq, actor_name, prev_hash, hash FROM audit_event "
                    + "WHERE seq >= " + middle);
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            s.execute("UPDATE audit_event SET actor_name = 'someone-else' WHERE seq = " + middle);
            s.execute("DO $$ DECLARE r audit_event; prev bytea; BEGIN "
                    + "SELECT hash INTO prev FROM audit_event WHERE seq = " + (middle - 1) + "; "
                    + "FOR r IN SELECT * FROM audit_event WHERE seq >= " + middle + " ORDER BY seq LOOP "
                    + "r.prev_hash := prev; r.hash := sha256(prev || convert_to(audit_event_canonical(r), 'UTF8')); "
                    + "UPDATE audit_event SET prev_hash = r.prev_hash, hash = r.hash WHERE seq = r.seq; "
                    + "prev := r.hash; END LOOP; END $$");
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");

            assertChainOk(); // the limit of a keyless chain: consistent again
            JsonPath anchored = Api.get("approver1", anchor).then().statusCode(200).extract().jsonPath();
            assertEquals(false, anchored.getBoolean("ok"), anchored.prettify());
            assertEquals("ALTERED", anchored.getString("fault"));
            assertEquals(anchorSeq, anchored.getLong("seq"));

            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            s.execute("UPDATE audit_event a SET actor_name = o.actor_name, prev_hash = o.prev_hash, hash = o.hash "
                    + "FROM original o WHERE a.seq = o.seq");
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
        }
        Api.get("approver1", anchor).then().statusCode(200).body("ok", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void onlyApproversMayVerifyAndAnAnchorMustBeWhole() {
        Api.get("staff1", "/admin/audit/verify").then().statusCode(403)
                .contentType("application/problem+json");
        Api.get("approver1", "/admin/audit/verify?anchorSeq=1").then().statusCode(400)
                .contentType("application/problem+json");
        Api.get("approver1", "/admin/audit/verify?anchorSeq=1&anchorHash=abc").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** The seq of an entry with at least one entry before and after it. */
    private long middleEntry() {
        newCase();
        long middle = Api.get("approver1", "/admin/audit?caseId=" + newCase()).then().statusCode(200).extract()
                .jsonPath().getLong("[0].seq");
        newCase();
        return middle;
    }

    private long newCase() {
        String code = Fixtures.newCode();
        Fixtures.publishCode(code, "監査会館", "1階");
        new StoreProbe(dataSource).awaitCode(code);
        return Api.draft(List.of(code), List.of(Fixtures.today().toString()));
    }

    private static JsonPath assertChainOk() {
        JsonPath result = Api.get("approver1", "/admin/audit/verify").then().statusCode(200).extract().jsonPath();
        assertTrue(result.getBoolean("ok"), result.prettify());
        return result;
    }

    private static void assertBroken(String fault, long seq) {
        JsonPath result = Api.get("approver1", "/admin/audit/verify").then().statusCode(200).extract().jsonPath();
        assertEquals(false, result.getBoolean("ok"), "tampering went unnoticed: " + result.prettify());
        assertEquals(fault, result.getString("fault"), result.prettify());
        assertEquals(seq, result.getLong("seq"), result.prettify());
        assertTrue(result.getString("message").contains(seq + " 番"), result.prettify());
    }
}
