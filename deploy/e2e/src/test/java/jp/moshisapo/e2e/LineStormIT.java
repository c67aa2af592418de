package jp.moshisapo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.messaging.Endpoint;
import jp.moshisapo.linesim.messaging.EndpointStats;
import jp.moshisapo.servers.Wait;
import jp.moshisapo.stack.App;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LINE misbehaves while cases go out through the whole system: 429 storms, 503 storms and answers too slow to
 * wait for are retried with each batch's retry key until the case completes, every resident getting exactly one
 * message; an outage longer than the case's deadline ends the case FAILED with a report instead of a hang.
 *
 * <p>notification-service runs this class with two settings changed, the way an operator would set them
 * ({@code FANOUT_REQUEST_TIMEOUT}, {@code FANOUT_DEADLINE}), and gets its own settings back afterwards: the shared
 * stack's 24-hour deadline cannot pass inside a test, and shortening it for the whole stack would put a clock on
 * the kill drill and the story's cases, which must finish however loaded the machine is.
 */
class LineStormIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** An answer later than this is a lost answer: the batch is retried with the same key. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final int RECIPIENTS = 1_500;
    private static final int BATCHES = 3;

    private final LineSimulator line = TestStack.line();
    private final Staff staff = Staff.of("staff2");
    private final Staff approver = Staff.of("approver1");

    @BeforeAll
    static void shortDeadlineAndRequestTimeout() {
        TestStack.get().restart(App.NOTIFICATION, Map.of(
                "FANOUT_DEADLINE", DEADLINE.toSeconds() + "s",
                "FANOUT_REQUEST_TIMEOUT", REQUEST_TIMEOUT.toSeconds() + "s"));
    }

    @AfterAll
    static void stackSettingsBack() {
        TestStack.get().restart(App.NOTIFICATION);
    }

    @AfterEach
    void lineRecovers() {
        line.faults().clear(Endpoint.MULTICAST);
    }

    @Test
    void rateLimitAndServerErrorStormsAndSlowAnswersAreRetriedWithTheSameKeysUntilEveryoneHasOneMessage() {
        EndpointStats start = multicast();

        // Storms by count, not by clock: however late the case starts on a loaded machine, it meets them all.
        Case storm429 = draftCase("storm-429");
        line.faults().failNext(Endpoint.MULTICAST, 429, 2 * BATCHES);
        approver.approve(storm429.id());
        assertCompletedWithOneMessageEach(storm429);
        assertEquals(2 * BATCHES, multicast().rateLimited() - start.rateLimited(), "the 429 storm was met");

        EndpointStats before5xx = multicast();
        Case storm5xx = draftCase("storm-5xx");
        line.faults().failNext(Endpoint.MULTICAST, 503, 2 * BATCHES);
        approver.approve(storm5xx.id());
        assertCompletedWithOneMessageEach(storm5xx);
        assertEquals(2 * BATCHES, multicast().serverErrors() - before5xx.serverErrors(), "the 503 storm was met");

        EndpointStats beforeSlow = multicast();
        Case slow = draftCase("slow");
        line.faults().delay(Endpoint.MULTICAST, REQUEST_TIMEOUT.plusSeconds(2));
        approver.approve(slow.id());
        Wait.until("LINE to deliver every batch (its answers still on the way)", Duration.ofMinutes(1),
                () -> multicast().accepted() - beforeSlow.accepted() >= BATCHES);
        line.faults().clear(Endpoint.MULTICAST);
        assertCompletedWithOneMessageEach(slow);
        assertTrue(multicast().conflicts() - beforeSlow.conflicts() >= 1,
                "a batch whose answer was lost was retried with its key and LINE answered 409 instead of delivering");

        EndpointStats end = multicast();
        assertEquals(3 * BATCHES, end.accepted() - start.accepted(),
                "LINE accepted each batch exactly once across every retry: the retries kept their retry keys");
        for (Case done : List.of(storm429, storm5xx, slow)) {
            JsonNode report = staff.report(done.id());
            assertTrue(report.path("batches").path("retries").asInt() >= BATCHES, report.toString());
        }
    }

    @Test
    void aLineOutageLongerThanTheDeadlineEndsTheCaseFailedWithAReportInsteadOfHanging() {
        Case outage = draftCase("outage");
        line.faults().failFor(Endpoint.MULTICAST, 503, Duration.ofMinutes(10));
        approver.approve(outage.id());
        staff.awaitState(outage.id(), "FAILED", DEADLINE.plusMinutes(2));

        JsonNode report = staff.report(outage.id());
        assertEquals(BATCHES, report.path("batches").path("failed").asInt(), report.toString());
        assertEquals(RECIPIENTS, report.path("recipients").path("failed").asInt(), report.toString());
        assertEquals(0, report.path("recipients").path("delivered").asInt(), report.toString());
        String error = report.path("failures").path(0).path("error").asText();
        assertTrue(error.contains("deadline passed") && error.contains("503"), error);
        assertTrue(outage.residents().stream().allMatch(user -> line.inboxSize(user) == 0), "nobody got anything");
        JsonNode audit = approver.get("/admin/audit?caseId=" + outage.id()).json();
        boolean finishedFailed = false;
        for (JsonNode entry : audit) {
            finishedFailed |= entry.path("action").asText().equals("SENDING_FINISHED")
                    && entry.path("details").path("state").asText().equals("FAILED");
        }
        assertTrue(finishedFailed, "the audit log records the failed end: " + audit);
    }

    /** A drafted case over {@value #RECIPIENTS} fresh residents, its preview counting all of them. */
    private Case draftCase(String name) {
        Venue venue = Venue.register("ライブハウス（" + name + "訓練）", "ホール");
        Instant visitedAt = Instant.now().minusSeconds(60);
        LocalDate day = visitedAt.atZone(TOKYO).toLocalDate();
        List<String> residents = VisitFeed.publish(venue.code(), name + "-" + UUID.randomUUID(), RECIPIENTS,
                visitedAt);
        long id = staff.openCase(venue.code(), day, "LINE " + name + " drill");
        JsonNode preview = staff.awaitPreviewVisits(id, RECIPIENTS, Duration.ofMinutes(2));
        assertEquals(RECIPIENTS, preview.path("recipients").asInt(), preview.toString());
        return new Case(id, residents);
    }

    private void assertCompletedWithOneMessageEach(Case sent) {
        staff.awaitState(sent.id(), "DONE", DEADLINE.plusMinutes(1));
        long wrong = sent.residents().stream().filter(user -> line.inboxSize(user) != 1).count();
        assertEquals(0, wrong, "residents without exactly one message");
        JsonNode report = staff.report(sent.id());
        assertEquals(RECIPIENTS, report.path("recipients").path("delivered").asInt(), report.toString());
    }

    private EndpointStats multicast() {
        return line.stats().of(Endpoint.MULTICAST);
    }

    private record Case(long id, List<String> residents) {
    }
}
