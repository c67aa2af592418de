package jp.moshisapo.notification.fanout;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import jp.moshisapo.notification.exposure.CaseState;

/** What happened to a case's messages: recipients and batches by outcome, and when it all happened. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryReport(long caseId, CaseState state, String approvedBy, OffsetDateTime approvedAt,
        OffsetDateTime plannedAt, OffsetDateTime firstSentAt, OffsetDateTime lastSentAt, OffsetDateTime finishedAt,
        Double sendingSeconds, String failureReason, Recipients recipients, Batches batches,
        List<FailedBatch> failures) {

    /**
     * @param planned                 residents put into batches (at most one message each): the sum of the
     *                                outcomes from delivered to erasedBeforeSending
     * @param unconfirmed             in batches sent without an answer before the case was cancelled
     * @param delivered               in batches LINE accepted (LINE itself skips residents who blocked the account)
     * @param erasedBeforeSending     planned, then taken out because they asked for erasure before their batch's
     *                                first request: not sent
     * @param skippedUnreachable      not planned: they blocked the account
     * @param skippedRecentlyNotified not planned: notified for an overlapping case recently
     */
    public record Recipients(int planned, int delivered, int failed, int cancelled, int unconfirmed, int pending,
            int erasedBeforeSending, Integer skippedUnreachable, Integer skippedRecentlyNotified) {
    }

    /**
     * @param skipped batches not sent because every recipient asked for erasure first
     * @param retries attempts beyond the first, over all batches (429, 5xx, timeouts)
     */
    public record Batches(int total, int sent, int failed, int cancelled, int unconfirmed, int pending,
            int skipped, int retries) {
    }

    /** A batch that could not be delivered, and LINE's last answer (never user ids). */
    public record FailedBatch(int seq, int recipients, int attempts, String error) {
    }
}
