package jp.moshisapo.facility.audit;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One line of the facility audit log as approvers read it; the same fields as notification-service's
 * {@code GET /admin/audit}, so the console can show both logs alike.
 */
public record AuditEntry(long id, OffsetDateTime at, String actor, String actorSubject, AuditAction action,
        Long caseId, Map<String, Object> details) {
}
