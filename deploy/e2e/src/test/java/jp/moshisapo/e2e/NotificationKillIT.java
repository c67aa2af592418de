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
import jp.moshisapo.stack.App;
import org.junit.jupiter.api.Test;

/**
 * notification-service dies (SIGKILL, no shutdown) in the middle of a 100,000-recipient case and is started again:
 * it resumes from its persisted batches with the same retry keys, and every resident gets exactly one message.
 */
class NotificationKillIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final int RECIPIENTS = 100_000;
    /** LINE takes at most 500 recipients per multicast. */
    private static final int BATCHES = RECIPIENTS / 500;
    /**
     * LINE answering 3 s late: with 32 requests in flight the case takes ~20 s instead of one, so the kill lands
     * while requests are out, some delivered but not yet answered (the case retry keys exist for).
     */
    private static final Duration SLOW_LINE = Duration.ofSeconds(3);

    private final LineSimulator line = TestStack.line();
    private final Staff staff = Staff.of("staff1");
    private final Staff approver = Staff.of("approver1");

    @Test
    void aServiceKilledMidFanOutResumesAndEveryRecipientGetsExactlyOneMessage() {
        Venue venue = Venue.register("大型商業施設（障害訓練）", "全館");
        Instant visitedAt = Instant.now().minusSeconds(60);
        LocalDate day = visitedAt.atZone(TOKYO).toLocalDate();
        List<String> residents = VisitFeed.publish(venue.code(), "kill-" + UUID.randomUUID(), RECIPIENTS, visitedAt);

        long caseId = staff.openCase(venue.code(), day, "notification-service kill drill");
        JsonNode preview = staff.awaitPreviewVisits(caseId, RECIPIENTS, Duration.ofMinutes(3));
        assertEquals(RECIPIENTS, preview.path("recipients").asInt(), preview.toString());

        EndpointStats before = multicast();
        long acceptedAtKill;
        line.faults().delay(Endpoint.MULTICAST, SLOW_LINE);
        try {
            approver.approve(caseId);
            Wait.until("LINE to receive the first multicasts", Duration.ofMinutes(3),
                    () -> multicast().accepted() - before.accepted() >= 10);
            TestStack.get().kill(App.NOTIFICATION);
            acceptedAtKill = multicast().accepted() - before.accepted();
        } finally {
            line.faults().clear(Endpoint.MULTICAST);
        }
        assertTrue(acceptedAtKill < BATCHES, "killed mid-send: " + acceptedAtKill + " of " + BATCHES + " batches");

        TestStack.get().restart(App.NOTIFICATION);
        staff.awaitState(caseId, "DONE", Duration.ofMinutes(5));

        List<String> wrong = residents.stream().filter(user -> line.inboxSize(user) != 1).toList();
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + RECIPIENTS + " residents did not get exactly one message");
        EndpointStats after = multicast();
        assertEquals(BATCHES, after.accepted() - before.accepted(),
                "LINE accepted each batch once: the resumed service retried with the same retry keys");
        assertTrue(after.conflicts() > before.conflicts(),
                "batches delivered but unanswered at the kill were retried and met 409");
        JsonNode report = staff.report(caseId);
        assertEquals(RECIPIENTS, report.path("recipients").path("delivered").asInt(), report.toString());
        assertEquals(BATCHES, report.path("batches").path("sent").asInt(), report.toString());
        System.out.printf("NotificationKillIT: killed after %d of %d multicasts reached LINE; report %s%n",
                acceptedAtKill, BATCHES, report.path("batches"));
    }

    private EndpointStats multicast() {
        return line.stats().of(Endpoint.MULTICAST);
    }
}
