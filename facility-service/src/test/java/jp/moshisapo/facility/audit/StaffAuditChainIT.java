package jp.moshisapo.facility.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import jp.moshisapo.facility.support.Database;
import jp.moshisapo.facility.support.Venues;
import jp.moshisapo.protocol.audit.AuditChain.Fault;
import jp.moshisapo.protocol.audit.AuditChain.Verification;
import jp.moshisapo.protocol.audit.AuditChainReader;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import jp.moshisapo.servers.SharedServers;
import org.junit.jupiter.api.Test;

/**
 * The staff audit log's drill: the service's own role cannot change, empty or unprotect it; an owner who changes an
 * entry is caught by the verification at that entry's seq (the operators' command, {@code VerifyAuditChain
 * facility}, runs the same reader; the kinds of tampering are covered for notification's log in AuditTamperingIT).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class StaffAuditChainIT {

    private static final String TABLE = "facility.staff_audit";

    @Inject
    AgroalDataSource db;

    @Test
    void theServicesOwnRoleCanNeitherChangeNorEmptyNorUnprotectTheLog() {
        lookUpANewVenue("もしサポ監査連鎖館");
        for (String sql : List.of(
                "UPDATE facility.staff_audit SET actor_name = 'someone-else'",
                "DELETE FROM facility.staff_audit",
                "TRUNCATE facility.staff_audit",
                "ALTER TABLE facility.staff_audit DISABLE TRIGGER staff_audit_chain",
                "ALTER TABLE facility.staff_audit DISABLE TRIGGER ALL",
                "DROP TABLE facility.staff_audit")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Database.update(db, sql),
                    "the service's role could run: " + sql);
            assertEquals("42501", ((SQLException) refused.getCause()).getSQLState(), sql);
        }
        assertTrue(verify().ok(), verify().describe());
    }

    @Test
    void anOwnerChangingAnEntryIsReportedAtThatEntry() {
        lookUpANewVenue("もしサポ監査改ざん検出館");
        Verification before = verify();
        assertTrue(before.ok(), before.describe());
        long seq = before.headSeq();
        String original = Database.strings(db, "SELECT details::text FROM facility.staff_audit WHERE seq = ?", seq)
                .get(0);
        Database.updateAsOwner("ALTER TABLE facility.staff_audit DISABLE TRIGGER USER; "
                + "UPDATE facility.staff_audit SET details = '{\"found\": false}' WHERE seq = " + seq + "; "
                + "ALTER TABLE facility.staff_audit ENABLE TRIGGER USER");
        Verification after = verify();
        assertFalse(after.ok(), "the change went unnoticed");
        assertEquals(Fault.ALTERED, after.fault(), after.describe());
        assertEquals(seq, after.seq(), after.describe());

        Database.updateAsOwner("ALTER TABLE facility.staff_audit DISABLE TRIGGER USER; "
                + "UPDATE facility.staff_audit SET details = '" + original.replace("'", "''") + "' WHERE seq = " + seq
                + "; ALTER TABLE facility.staff_audit ENABLE TRIGGER USER");
        assertTrue(verify().ok(), "undone, the chain verifies again: " + verify().describe());
    }

    private void lookUpANewVenue(String name) {
        String code = Venues.register(name, "ホール").getString("rooms[0].code");
        given().auth().oauth2(SharedServers.keycloak().accessToken("staff1", "staff1")).when()
                .get("/admin/codes/" + code).then().statusCode(200);
    }

    /** As the service's own role: SELECT is all the verification needs. */
    private Verification verify() {
        try (Connection c = db.getConnection()) {
            return AuditChainReader.verify(c, TABLE, null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
