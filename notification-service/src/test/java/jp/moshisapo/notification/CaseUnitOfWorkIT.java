package jp.moshisapo.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.messaging.Endpoint;
import jp.moshisapo.servers.InjectLineSimulator;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A case's state and the audit entry that records the change are one unit of work, though the case is an entity
 * and the preview, quota and batch statements beside it are plain SQL: when the audit entry cannot be written
 * (here a database trigger refuses it, as a full disk or a broken chain would), staff get an error and nothing of
 * the change is left, no case without its creation entry and no approved case nobody is recorded as approving.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class CaseUnitOfWorkIT {

    private static final String REFUSED_NOTE = "監査記録の失敗訓練";

    @InjectLineSimulator
    LineSimulator sim;

    @Inject
    AgroalDataSource dataSource;

    StoreProbe store;

    @BeforeEach
    void fresh() {
        store = new StoreProbe(dataSource);
        sim.reset();
    }

    @AfterEach
    void auditAcceptsAgain() throws SQLException {
        asOwner("DROP TRIGGER IF EXISTS refuse_entry ON audit_event; DROP FUNCTION IF EXISTS refuse_entry()");
    }

    @Test
    void aCaseWhoseCreationCannotBeAuditedIsNotCreated() throws SQLException {
        String code = store.venue("美術館", "企画展示室");
        refuseEntries("NEW.action = 'CASE_CREATED' AND EXISTS (SELECT 1 FROM exposure_case WHERE id = NEW.case_id AND note = '" + REFUSED_NOTE + "')");

        Response refused = Api.createCase("staff1", Map.of("codes", List.of(code),
                "dates", List.of(Fixtures.today().toString()), "note", REFUSED_NOTE));

        assertEquals(500, refused.statusCode(), refused.asString());
        assertEquals("application/problem+json", refused.contentType().split(";")[0]);
        assertFalse(refused.asString().contains("Exception"), "no stack trace: " + refused.asString());
        assertEquals(0, store.count("SELECT count(*) FROM exposure_case WHERE note = ?", REFUSED_NOTE),
                "a case was stored without its creation entry");
    }

    @Test
    void anApprovalThatCannotBeAuditedLeavesTheCaseADraftAndSendsNothing() throws SQLException {
        String code = store.venue("水族館", "大水槽前");
        List<String> residents = Fixtures.crowd("unit-of-work-" + UUID.randomUUID(), 20, code);
        store.awaitVisits(code, 20);
        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));
        refuseEntries("NEW.action = 'CASE_APPROVED' AND NEW.case_id = " + id);

        Response refused = Api.post("approver1", "/admin/cases/" + id + "/approve");

        assertEquals(500, refused.statusCode(), refused.asString());
        assertEquals("application/problem+json", refused.contentType().split(";")[0]);
        assertEquals("DRAFT", store.stateOf(id), "the case was approved without an audit entry saying who did it");
        assertEquals("DRAFT", Api.get("approver1", "/admin/cases/" + id).jsonPath().getString("state"));
        assertEquals(0, sim.stats().of(Endpoint.MULTICAST).requests(), "nothing may go out");

        auditAcceptsAgain(); // the cause is fixed: the same approval now goes through, once
        Api.approve(id);
        store.awaitState(id, "DONE", Duration.ofSeconds(60));
        residents.forEach(user -> assertEquals(1, sim.inboxSize(user), "one message per resident"));
        assertEquals(1, store.count("SELECT count(*) FROM audit_event WHERE case_id = ? AND action = 'CASE_APPROVED'",
                id));
    }

    /** A trigger, created as the schema's owner, that refuses the audit entries matching {@code condition}. */
    private static void refuseEntries(String condition) throws SQLException {
        asOwner("CREATE FUNCTION refuse_entry() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF " + condition
                + " THEN RAISE EXCEPTION 'audit entry refused by the drill'; END IF; RETURN NEW; END $$; "
                + "CREATE TRIGGER refuse_entry BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION refuse_entry()");
    }

    private static void asOwner(String sql) throws SQLException {
        try (Connection owner = StoreProbe.owner(); Statement s = owner.createStatement()) {
            s.execute(sql);
        }
    }
}
