package jp.moshisapo.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
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
 * The channel's monthly message quota and channel-wide refusals: the preview shows what a case uses and what is
 * left, approval is refused when it does not fit, a monthly-limit 429 pauses the case, a revoked token pauses every
 * sending case, and an approver's resume sends the rest with the same retry keys: nobody gets two.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class PauseIT {

    private static final Duration SENDING = Duration.ofSeconds(90);

    @InjectLineSimulator
    LineSimulator sim;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    StoreProbe store;

    @BeforeEach
    void freshChannel() {
        store = new StoreProbe(dataSource);
        sim.reset();
    }

    @AfterEach
    void channelBack() {
        sim.reset(); // no limit, a valid token: other classes share this simulator
    }

    @Test
    void thePreviewShowsTheQuotaAndApprovalIsRefusedWhenTheCaseWouldNotFit() {
        String code = store.venue("映画館", "スクリーン3");
        Fixtures.crowd("quota-preview", 600, code);
        store.awaitVisits(code, 600);
        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));

        JsonPath unlimited = read(id);
        assertEquals("unlimited", unlimited.getString("quota.status"));
        assertEquals(600, unlimited.getInt("quota.caseUses"));

        sim.quota().limit(sim.quota().used() + 599);
        JsonPath tight = read(id);
        assertEquals("exceeds", tight.getString("quota.status"));
        assertEquals(599, tight.getLong("quota.remaining"));
        assertEquals("over-quota", tight.getString("actions.approve.reason"));

        Response refused = Api.post("approver1", "/admin/cases/" + id + "/approve");
        assertEquals(422, refused.statusCode());
        assertEquals("application/problem+json", refused.contentType().split(";")[0]);
        assertTrue(refused.jsonPath().getString("detail").contains("上限"), refused.asString());
        assertEquals(600, refused.jsonPath().getInt("caseMessages"));
        assertEquals("DRAFT", store.stateOf(id));
        assertEquals(0, sim.stats().of(Endpoint.MULTICAST).requests(), "nothing was sent");
        assertTrue(auditActions(id).contains("APPROVAL_REFUSED"));

        sim.token().revoked(true); // LINE cannot be asked: the preview still answers, saying so
        JsonPath unknown = read(id);
        assertEquals("unknown", unknown.getString("quota.status"));
        assertEquals(600, unknown.getInt("preview.recipients"));
        sim.token().revoked(false);

        sim.quota().limit(sim.quota().used() + 600);
        assertEquals("fits", read(id).getString("quota.status"));
        Api.approve(id);
        store.awaitState(id, "DONE", SENDING);
    }

    @Test
    void theMonthlyLimitPausesTheCaseAndAResumeAfterItIsRaisedReachesEveryoneOnce() {
        String code = store.venue("体育館", "アリーナ");
        List<String> users = Fixtures.crowd("quota-pause", 1500, code);
        store.awaitVisits(code, 1500);
        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));
        // Approved while the plan has no limit; LINE is briefly down, and meanwhile the plan gets a limit that
        // only one batch of three fits (another sender used the rest, say).
        sim.faults().failFor(Endpoint.MULTICAST, 503, Duration.ofMinutes(1));
        Api.approve(id);
        sim.quota().limit(500L);
        sim.faults().clear(Endpoint.MULTICAST);

        store.awaitState(id, "PAUSED", SENDING);
        JsonPath paused = read(id);
        assertEquals("MONTHLY_LIMIT", paused.getString("pause.cause"));
        assertTrue(paused.getString("pause.reason").contains("You have reached your monthly limit."),
                paused.getString("pause.reason"));
        assertEquals("not-approver", Api.get("staff1", "/admin/cases/" + id).jsonPath()
                .getString("actions.resume.reason"));
        long delivered = users.stream().filter(u -> sim.inboxSize(u) == 1).count();
        assertTrue(delivered <= 500, delivered + " delivered past the limit");
        assertEquals(0, store.count("SELECT count(*) FROM delivery_batch WHERE case_id = ? AND status = 'FAILED'",
                id), "no batch fails while paused");
        assertEquals(422, Api.post("approver1", "/admin/cases/" + id + "/resume").statusCode(),
                "a resume that cannot fit is refused as approval is");
        assertTrue(RestAssured.get(metrics).asString()
                .contains("moshisapo_notification_case_pauses_total{cause=\"MONTHLY_LIMIT\"}"));

        sim.quota().limit(null);
        assertEquals(403, Api.post("staff1", "/admin/cases/" + id + "/resume").statusCode(), "approvers only");
        Api.post("approver1", "/admin/cases/" + id + "/resume").then().statusCode(200);
        store.awaitState(id, "DONE", SENDING);

        users.forEach(u -> assertEquals(1, sim.inboxSize(u), "one message per resident"));
        assertEquals(3, sim.stats().of(Endpoint.MULTICAST).accepted(), "each batch accepted once");
        List<String> audit = auditActions(id);
        assertTrue(audit.contains("CASE_PAUSED") && audit.contains("CASE_RESUMED"), audit.toString());
        assertNull(read(id).get("quota"), "a finished case needs nothing of the quota");
    }

    @Test
    void aRevokedTokenPausesEverySendingCaseAndResumingAfterTheFixSendsTheRestOnce() {
        String first = store.venue("市民ホール", "大ホール");
        String second = store.venue("公民館", "和室");
        List<String> firstUsers = Fixtures.crowd("token-a", 1000, first);
        List<String> secondUsers = Fixtures.crowd("token-b", 700, second);
        store.awaitVisits(first, 1000);
        store.awaitVisits(second, 700);
        long a = Api.draft(List.of(first), List.of(Fixtures.today().toString()));
        long b = Api.draft(List.of(second), List.of(Fixtures.today().toString()));

        // LINE is down for both cases, so both are SENDING and retrying when the token is revoked.
        sim.faults().failFor(Endpoint.MULTICAST, 503, Duration.ofMinutes(5));
        Api.approve(a);
        Api.approve(b);
        await("both cases met LINE's 503s").atMost(Duration.ofSeconds(60)).until(
                () -> sim.stats().of(Endpoint.MULTICAST).serverErrors() >= 4);
        sim.token().revoked(true);

        store.awaitState(a, "PAUSED", SENDING);
        store.awaitState(b, "PAUSED", SENDING);
        assertEquals("CHANNEL_AUTH", read(a).getString("pause.cause"));
        assertEquals("CHANNEL_AUTH", read(b).getString("pause.cause"));
        assertEquals(0, sim.stats().of(Endpoint.MULTICAST).accepted());

        sim.faults().clear(Endpoint.MULTICAST);
        sim.token().revoked(false); // the operator put a valid token in place
        Api.post("approver1", "/admin/cases/" + a + "/resume").then().statusCode(200);
        Api.post("approver1", "/admin/cases/" + b + "/resume").then().statusCode(200);
        store.awaitState(a, "DONE", SENDING);
        store.awaitState(b, "DONE", SENDING);

        firstUsers.forEach(u -> assertEquals(1, sim.inboxSize(u)));
        secondUsers.forEach(u -> assertEquals(1, sim.inboxSize(u)));
        assertEquals(4, sim.stats().of(Endpoint.MULTICAST).accepted());
    }

    private JsonPath read(long id) {
        return Api.get("approver1", "/admin/cases/" + id).then().statusCode(200).extract().jsonPath();
    }

    private List<String> auditActions(long id) {
        return Api.get("approver1", "/admin/audit?caseId=" + id).then().statusCode(200).extract().jsonPath()
                .getList("action");
    }
}
