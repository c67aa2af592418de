package jp.moshisapo.notification.exposure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.moshisapo.notification.audit.Actor;
import jp.moshisapo.notification.db.Db;

/**
 * The exposure cases, as entities (docs/adr/0005-data-access.md); every method works inside the caller's
 * transaction and hands out {@link ExposureCase} records, never the entity. A state change is flushed at once:
 * the same transaction goes on with plain SQL (the quota's sums, the audit entry) that must see it, and the row
 * lock is taken before the audit chain's lock, never after.
 */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<ExposureCaseEntity, Long> {

    private final Db db;

    CaseRepository(Db db) {
        this.db = db;
    }

    public long insert(CaseDraft draft, Actor author, Instant now) {
        ExposureCaseEntity row = ExposureCaseEntity.draft(draft, author, now);
        persist(row); // an identity column: inserted now, so the id is known
        return row.id;
    }

    public Optional<ExposureCase> find(long id) {
        return findByIdOptional(id).map(ExposureCaseEntity::toCase);
    }

    /** Reads and locks the case row: the state transitions of one case happen one at a time. */
    public Optional<ExposureCase> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(ExposureCaseEntity::toCase);
    }

    /** Newest first; {@code beforeId} pages backwards; {@code state} null means all. */
    public List<ExposureCase> list(CaseState state, long beforeId, int limit) {
        Sort newestFirst = Sort.descending("id");
        return (state == null ? find("id < ?1", newestFirst, beforeId)
                : find("state = ?1 and id < ?2", newestFirst, state, beforeId))
                .range(0, limit - 1).stream().map(ExposureCaseEntity::toCase).toList();
    }

    public void approve(long id, Actor approver, Instant now) {
        ExposureCaseEntity row = inState(id, CaseState.DRAFT);
        row.state = CaseState.SENDING;
        row.approvedBy = approver.subject();
        row.approvedByName = approver.name();
        row.approvedAt = now;
        flush();
    }

    public void cancel(long id, Actor actor, Instant now) {
        ExposureCaseEntity row = inState(id, CaseState.DRAFT, CaseState.SENDING, CaseState.PAUSED);
        row.state = CaseState.CANCELLED;
        row.cancelledBy = actor.subject();
        row.cancelledByName = actor.name();
        row.cancelledAt = now;
        row.finishedAt = now;
        flush();
    }

    /** PAUSED → SENDING; the sending deadline counts again from now. */
    public void resume(long id, Instant now) {
        ExposureCaseEntity row = inState(id, CaseState.PAUSED);
        row.state = CaseState.SENDING;
        row.resumedAt = now;
        flush();
    }

    /**
     * Messages that cases already SENDING or PAUSED will still use: their unsent batches' recipients (one message
     * each). A case approved but not yet planned has no batches yet and counts nothing here: planning takes
     * seconds, and a case that then does not fit is paused, not sent twice.
     */
    public long committedMessages(long exceptCaseId) {
        return sum("SELECT coalesce(sum(b.recipient_count), 0) FROM delivery_batch b "
                + "JOIN exposure_case e ON e.id = b.case_id "
                + "WHERE e.state IN ('SENDING', 'PAUSED') AND b.status = 'PENDING' AND b.case_id <> ?", exceptCaseId);
    }

    /** Messages this case's unsent batches will use. */
    public long unsentMessages(long caseId) {
        return sum("SELECT coalesce(sum(recipient_count), 0) FROM delivery_batch "
                + "WHERE case_id = ? AND status = 'PENDING'", caseId);
    }

    /** The locked row, which callers already checked; anything else is a bug, not a user error. */
    private ExposureCaseEntity inState(long id, CaseState... expected) {
        ExposureCaseEntity row = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !List.of(expected).contains(row.state)) {
            throw new IllegalStateException("case " + id + " was not in the expected state");
        }
        return row;
    }

    /** A sum over batches, in the caller's transaction, which already holds any case change flushed before it. */
    private long sum(String sql, long caseId) {
        return db.one(sql, row -> row.getLong(1), caseId).orElseThrow();
    }
}
