package jp.moshisapo.notification.audit;

import java.time.OffsetDateTime;
import java.util.Map;

/** One line of the audit log as approvers read it; {@code seq} is its number in the hash chain. */
public record AuditEntry(long id, OffsetDateTime at, String actor, String actorSubject, AuditAction action,
        Long caseId, Map<String, Object> details, long seq) {
}
