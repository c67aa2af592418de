package jp.moshisapo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.messaging.Endpoint;
import jp.moshisapo.linesim.messaging.EndpointStats;
import jp.moshisapo.servers.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LINE refuses a case mid-send for the whole channel, through the whole system: the channel's monthly message limit
 * is reached in the middle of a 100,000-recipient case, and the channel access token is revoked mid-case. Each time
 * the case pauses instead of failing or retrying, an approver resumes it once the plan or the token is fixed, and
 * every resident gets exactly one message: the unsent batches kept their retry keys.
 */
class ChannelPauseIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** LINE answering late keeps 32 requests out at once, so the refusal lands while batches are in flight. */
    private static final Duration SLOW_LINE = Duration.ofSeconds(1);

    private final LineSimulator line = TestStack.line();
    private final Staff staff = Staff.of("staff1");
    private final Staff approver = Staff.of("approver1");

    @AfterEach
    void channelBack() {
        line.faults().clear(Endpoint.MULTICAST);
        line.quota().limit(null);
        line.token().revoked(false);
    }

    @Test
    void theMonthlyLimitReachedMidCasePausesItAndAfterTheLimitIsRaisedAResumeReachesEveryoneOnce() {
        int recipients = 100_000;
        Case sent = draftCase("上限訓練", recipients);
        EndpointStats before = multicast();
        long allowed = 40_000;

        line.faults().delay(Endpoint.MULTICAST, SLOW_LINE);
        approver.approve(sent.id());
        // The plan gets a limit while the case sends (an operator lowered the target limit, another sender used
        // the rest): from here on only 40,000 more messages fit this month.
        line.quota().limit(line.quota().used() + allowed);
        staff.awaitState(sent.id(), "PAUSED", Duration.ofMinutes(3));
        line.faults().clear(Endpoint.MULTICAST);

        JsonNode view = approver.view(sent.id());
        assertEquals("MONTHLY_LIMIT", view.path("pause").path("cause").asText(), view.toString());
        assertTrue(view.path("actions").path("resume").path("allowed").asBoolean(), "an approver may resume");
        long reached = sent.residents().stream().filter(user -> line.inboxSize(user) == 1).count();
        assertTrue(reached > 0 && reached <= allowed, "paused mid-case at the limit: " + reached + " reached");
        assertEquals(0, report(sent).path("batches").path("failed").asInt(), "no batch failed while paused");

        line.quota().limit(null); // the plan was raised
        Http.Answer resumed = approver.post("/admin/cases/" + sent.id() + "/resume", null);
        assertEquals(200, resumed.status(), String.valueOf(resumed.body()));
        staff.awaitState(sent.id(), "DONE", Duration.ofMinutes(5));

        assertEveryoneOnce(sent, recipients, before);
        System.out.printf("ChannelPauseIT: monthly limit paused the case after %d of %d residents%n", reached,
                recipients);
    }

    @Test
    void aTokenRevokedMidCasePausesItAndAfterTheFixAResumeReachesEveryoneOnce() {
        // More batches (60) than the service keeps in flight (32): with LINE slow to answer, the first 32 are
        // accepted at once and the rest wait for an answer, so the token is revoked mid-case however fast the
        // dispatcher starts. With 20 batches all of them could be accepted before the revocation.
        int recipients = 30_000;
        Case sent = draftCase("トークン訓練", recipients);
        EndpointStats before = multicast();

        line.faults().delay(Endpoint.MULTICAST, SLOW_LINE);
        approver.approve(sent.id());
        Wait.until("LINE to accept the first multicasts", Duration.ofMinutes(2),
                () -> multicast().accepted() - before.accepted() >= 3);
        line.token().revoked(true); // reissued in the LINE console: the service's token stops working
        staff.awaitState(sent.id(), "PAUSED", Duration.ofMinutes(2));
        line.faults().clear(Endpoint.MULTICAST);
        assertEquals("CHANNEL_AUTH", approver.view(sent.id()).path("pause").path("cause").asText());
        assertTrue(multicast().accepted() - before.accepted() < recipients / 500, "paused mid-case");

        line.token().revoked(false); // the operator put the new token in place
        Http.Answer resumed = approver.post("/admin/cases/" + sent.id() + "/resume", null);
        assertEquals(200, resumed.status(), String.valueOf(resumed.body()));
        staff.awaitState(sent.id(), "DONE", Duration.ofMinutes(3));

        assertEveryoneOnce(sent, recipients, before);
        List<String> actions = new java.util.ArrayList<>();
        approver.get("/admin/audit?caseId=" + sent.id()).json().forEach(e -> actions.add(e.path("action").asText()));
        assertTrue(actions.contains("CASE_PAUSED") && actions.contains("CASE_RESUMED"), actions.toString());
    }

    private void assertEveryoneOnce(Case sent, int recipients, EndpointStats before) {
        List<String> wrong = sent.residents().stream().filter(user -> line.inboxSize(user) != 1).toList();
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + recipients + " residents did not get exactly one message");
        assertEquals(recipients / 500, multicast().accepted() - before.accepted(),
                "LINE accepted each batch once: the resume kept the retry keys");
        JsonNode report = report(sent);
        assertEquals(recipients, report.path("recipients").path("delivered").asInt(), report.toString());
    }

    private Case draftCase(String name, int recipients) {
        Venue venue = Venue.register("大型商業施設（" + name + "）", "全館");
        Instant visitedAt = Instant.now().minusSeconds(60);
        LocalDate day = visitedAt.atZone(TOKYO).toLocalDate();
        List<String> residents = VisitFeed.publish(venue.code(), name + "-" + UUID.randomUUID(), recipients,
                visitedAt);
        long id = staff.openCase(venue.code(), day, "LINE " + name);
        JsonNode preview = staff.awaitPreviewVisits(id, recipients, Duration.ofMinutes(3));
        assertEquals(recipients, preview.path("recipients").asInt(), preview.toString());
        return new Case(id, residents);
    }

    private JsonNode report(Case sent) {
        return staff.report(sent.id());
    }

    private EndpointStats multicast() {
        return line.stats().of(Endpoint.MULTICAST);
    }

    private record Case(long id, List<String> residents) {
    }
}
