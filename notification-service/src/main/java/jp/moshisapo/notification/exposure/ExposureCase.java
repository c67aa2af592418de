package jp.moshisapo.notification.exposure;

import java.time.Instant;
import jp.moshisapo.notification.audit.Actor;
import jp.moshisapo.notification.matching.CaseTarget;

/** One exposure case as stored. Fields of later stages are null until the case gets there. */
public record ExposureCase(long id, CaseState state, CaseTarget target, String message, String note,
        Actor createdBy, Instant createdAt, Actor approvedBy, Instant approvedAt, Actor cancelledBy,
        Instant cancelledAt, Instant plannedAt, Integer recipients, Integer skippedUnreachable,
        Integer skippedRecentlyNotified, Instant finishedAt, String failureReason, String pauseCause,
        String pauseReason, Instant pausedAt, Instant resumedAt) {

    /** When the sending deadline starts counting: the last resume, or the approval. */
    public Instant sendingSince() {
        return resumedAt != null ? resumedAt : approvedAt;
    }
}
