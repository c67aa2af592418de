package jp.moshisapo.notification.fanout;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.moshisapo.notification.audit.Actor;
import jp.moshisapo.notification.audit.AuditAction;
import jp.moshisapo.notification.audit.AuditLog;
import jp.moshisapo.notification.crypto.Keyring;
import jp.moshisapo.notification.crypto.Sealed;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.notification.matching.ResidentKeySet;

/** The delivery_batch table and the fan-out's writes to exposure_case. */
@ApplicationScoped
public class BatchStore {

    /** LINE remembers an accepted X-Line-Retry-Key for 24 hours. */
    static final java.time.Duration RETRY_KEY_WINDOW = java.time.Duration.ofHours(24);

    /**
     * A claim in one round trip (plus the commit): locks the batch's row; looks up which of its resident keys asked
     * for erasure (split in the server); marks it as tried at once when it is PENDING, untried, carries someone
     * and nobody in it was erased; and answers with the row, its resident keys only when someone was erased, the
     * erased keys, and whether it was marked. The commit need not wait for the disk (see {@link #claim}). One
     * statement instead of five round trips, and the resident keys (16 KB a batch) only read when needed: at a
     * large case's start the planner keeps both cores busy and every round trip waits for the scheduler. With the
     * pool's connections warmed ({@link FanoutWarmUp}) a case's first claims take 15–40 ms instead of 60–150 ms.
     */
    private static final String CLAIM = """
            WITH quick_commit AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true)),
            b AS MATERIALIZED (
                SELECT case_id, seq, status, first_attempt_at, recipient_count, resident_keys, key_id, recipients
                FROM delivery_batch WHERE case_id = ? AND seq = ? FOR UPDATE),
            erased AS MATERIALIZED (
                SELECT e.resident_key FROM b
                CROSS JOIN generate_series(0, length(b.resident_keys) / 32 - 1) g
                JOIN erased_resident e ON e.resident_key = substring(b.resident_keys FROM g * 32 + 1 FOR 32)
                WHERE b.status = 'PENDING' AND b.first_attempt_at IS NULL),
            tried AS (
                UPDATE delivery_batch d SET first_attempt_at = ? FROM b
                WHERE d.case_id = b.case_id AND d.seq = b.seq AND b.status = 'PENDING'
                AND b.first_attempt_at IS NULL AND b.recipient_count > 0 AND NOT EXISTS (SELECT 1 FROM erased)
                RETURNING d.seq)
            SELECT b.status, b.first_attempt_at, b.recipient_count,
                CASE WHEN EXISTS (SELECT 1 FROM erased) THEN b.resident_keys END, b.key_id, b.recipients,
                (SELECT array_agg(resident_key) FROM erased), EXISTS (SELECT 1 FROM tried)
            FROM b CROSS JOIN quick_commit
            """;

    private final Db db;
    private final AuditLog audit;
    private final Keyring keyring;

    BatchStore(Db db, AuditLog audit, Keyring keyring) {
        this.db = db;
        this.audit = audit;
        this.keyring = keyring;
    }

    /**
     * What a batch carries at its first request in this run; {@code recipients} is null when it carries nobody.
     * {@code status} is the batch's status when it is no longer PENDING (then nothing is to be sent).
     */
    record Claim(String status, int recipientCount, Sealed recipients, Instant firstAttemptAt, boolean markedNow) {

        Claim(String status, int recipientCount, Sealed recipients) {
            this(status, recipientCount, recipients, null, false);
        }

        boolean pending() {
            return "PENDING".equals(status);
        }
    }

    /**
     * Fixes what a batch's first request in this run carries, just before it is sent. A batch never tried before
     * loses every recipient who asked for erasure meanwhile (erased_resident): the erasure's own pass over the
     * batches misses a batch the planner wrote from a snapshot taken before the erasure. It is then marked as
     * tried (first_attempt_at), under the row lock {@link BatchErasure} also takes, so from here on erasure leaves
     * its recipients alone: a retry must carry what this request does under the same retry key. A batch tried in
     * an earlier run is returned as it is; a batch no longer PENDING (cancelled, or finished by the instance
     * that led before) only with its status.
     * The commit is asynchronous: a claim lost in a crash only lets a later erasure take a resident out of a
     * batch LINE may already have accepted (the retry then meets 409), which costs no second message.
     */
    Claim claim(long caseId, int seq, Instant now) {
        // as the database stores it (microseconds), so a release can recognise the mark as this claim's
        Instant marked = now.truncatedTo(ChronoUnit.MICROS);
        return db.inTransaction(c -> {
            int count;
            Timestamp triedAt;
            byte[] keys;
            Sealed recipients;
            Set<ByteBuffer> erased = new HashSet<>();
            boolean markedTried;
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                // binary results from the first execution on a connection: ~17 KB of sealed recipients are not
                // hex-decoded (a JIT-cold decoder spent tens of milliseconds on each of a case's first claims)
                s.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                s.setLong(1, caseId);
                s.setInt(2, seq);
                s.setTimestamp(3, Timestamp.from(marked));
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("the batch is gone");
                    }
                    if (!"PENDING".equals(rs.getString(1))) {
                        return new Claim(rs.getString(1), 0, null);
                    }
                    triedAt = rs.getTimestamp(2);
                    count = rs.getInt(3);
                    keys = rs.getBytes(4);
                    recipients = rs.getBytes(6) == null ? null : new Sealed(rs.getString(5), rs.getBytes(6));
                    java.sql.Array erasedKeys = rs.getArray(7);
                    if (erasedKeys != null) {
                        for (Object key : (Object[]) erasedKeys.getArray()) {
                            erased.add(ByteBuffer.wrap((byte[]) key));
                        }
                    }
                    markedTried = rs.getBoolean(8);
                }
            }
            if (count > 0 && recipients == null) {
                throw new IllegalStateException("its recipients were cleared before it was sent");
            }
            if (triedAt != null || count == 0) {
                return new Claim("PENDING", count, recipients, triedAt == null ? null : triedAt.toInstant(), false);
            }
            if (markedTried) {
                return new Claim("PENDING", count, recipients, marked, true);
            }
            // Someone in it asked for erasure since it was planned: it leaves without them, or not at all.
            BatchMembers rest = BatchMembers.open(keyring, recipients, keys)
                    .without(k -> erased.contains(ByteBuffer.wrap(k)));
            int removed = count - rest.size();
            count = rest.size();
            recipients = count == 0 ? null : rest.seal(keyring);
            try (PreparedStatement u = c.prepareStatement("UPDATE delivery_batch SET recipient_count = ?, "
                    + "erased_before_sending = erased_before_sending + ?, resident_keys = ?, recipients = ?, "
                    + "key_id = coalesce(?, key_id), first_attempt_at = ? WHERE case_id = ? AND seq = ?")) {
                u.setInt(1, count);
                u.setInt(2, removed);
                u.setBytes(3, count == 0 ? null : rest.residentKeys());
                u.setBytes(4, recipients == null ? null : recipients.bytes());
                u.setString(5, recipients == null ? null : recipients.keyId());
                u.setTimestamp(6, count == 0 ? null : Timestamp.from(marked));
                u.setLong(7, caseId);
                u.setInt(8, seq);
                u.executeUpdate();
            }
            return new Claim("PENDING", count, recipients, count > 0 ? marked : null, count > 0);
        });
    }

    /**
     * Marks a batch this run's claim marked as tried ({@code markedAt}) as never tried again: every answer LINE gave
     * it in this run said it processed nothing (429, 401, 403), so its retry key was never accepted, it may go out
     * any time later with that key, and erasure may take residents out of it meanwhile. Used when a case pauses; a
     * crash before this only makes the batch count as tried, which is the cautious side (see {@link #resume}). Only
     * this claim's mark is taken back: a batch first tried in an earlier run may have reached LINE then, and must
     * keep the time its retry key's 24 hours began.
     */
    void release(long caseId, int seq, Instant markedAt) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE delivery_batch SET first_attempt_at = NULL "
                    + "WHERE case_id = ? AND seq = ? AND status = 'PENDING' AND first_attempt_at = ?")) {
                s.setLong(1, caseId);
                s.setInt(2, seq);
                s.setTimestamp(3, Timestamp.from(markedAt));
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Commits the batches with their retry keys; only afterwards may any of them be sent. Returns false, storing
     * nothing, when the case is no longer SENDING: the share lock orders this against a cancel, which either
     * comes first (and nothing is added) or waits and then cancels these batches too.
     */
    boolean insert(long caseId, List<PlannedBatch> batches, Instant now) {
        return db.inTransaction(c -> {
            if (!stillSending(c, caseId)) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO delivery_batch (case_id, seq, retry_key, "
                    + "recipient_count, resident_keys, key_id, recipients, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (PlannedBatch b : batches) {
                    s.setLong(1, caseId);
                    s.setInt(2, b.seq());
                    s.setObject(3, b.retryKey());
                    s.setInt(4, b.recipientCount());
                    s.setBytes(5, b.residentKeys());
                    s.setString(6, b.recipients().keyId());
                    s.setBytes(7, b.recipients().bytes());
                    s.setTimestamp(8, Timestamp.from(now));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return true;
        });
    }

    /**
     * Reads the case's batches, or returns null when the case is no longer SENDING. The case row is share-locked
     * meanwhile, so a cancel either happened before (and is seen) or waits until the run is registered (and
     * stops it).
     */
    ResumeState resume(CaseRun run, Instant now) {
        return db.inTransaction(c -> {
            if (!stillSending(c, run.caseId)) {
                return null;
            }
            closeRetryWindow(c, run.caseId, now);
            List<BatchJob> pending = new ArrayList<>();
            ResidentKeySet planned = new ResidentKeySet();
            int batches = 0;
            int finals = 0;
            int failed = 0;
            int recipients = 0;
            int maxSeq = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT seq, retry_key, recipient_count, resident_keys, "
                    + "erased_before_sending, status FROM delivery_batch WHERE case_id = ? ORDER BY seq")) {
                s.setLong(1, run.caseId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        batches++;
                        int seq = rs.getInt(1);
                        maxSeq = Math.max(maxSeq, seq);
                        recipients += rs.getInt(3) + rs.getInt(5); // as planned, before any erasure
                        planned.addAll(rs.getBytes(4));
                        switch (rs.getString(6)) {
                            case "PENDING" -> pending.add(new BatchJob(run, seq, rs.getObject(2, UUID.class)));
                            case "FAILED" -> {
                                failed++;
                                finals++;
                            }
                            default -> finals++;
                        }
                    }
                }
            }
            return new ResumeState(pending, batches, finals, failed, recipients, planned, maxSeq + 1);
        });
    }

    /**
     * A batch first tried more than 24 hours ago (a case paused that long) may have been accepted by a request
     * whose answer was lost, and LINE has forgotten its retry key by now: sent again it could arrive twice. It is
     * not sent again but reported UNCONFIRMED: a second notice is worse than a report that says "maybe".
     */
    private static void closeRetryWindow(Connection c, long caseId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE delivery_batch SET status = 'UNCONFIRMED', "
                + "recipients = NULL, finished_at = ?, last_error = ? WHERE case_id = ? AND status = 'PENDING' "
                + "AND first_attempt_at < ?")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, "first sent more than 24 hours ago and not confirmed; LINE has forgotten its retry key, "
                    + "so it is not sent again (it may have been delivered)");
            s.setLong(3, caseId);
            s.setTimestamp(4, Timestamp.from(now.minus(RETRY_KEY_WINDOW)));
            s.executeUpdate();
        }
    }

    /** Persists final outcomes in one transaction; the user ids of a finished batch are deleted with it. */
    void write(List<BatchOutcome> outcomes) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE delivery_batch SET status = ?, "
                    + "attempts = attempts + ?, first_attempt_at = coalesce(first_attempt_at, ?), finished_at = ?, "
                    + "last_error = ?, recipients = NULL WHERE case_id = ? AND seq = ?")) {
                for (BatchOutcome o : outcomes) {
                    s.setString(1, o.status().name());
                    s.setInt(2, o.attempts());
                    s.setTimestamp(3, o.firstAttemptAt() == null ? null : Timestamp.from(o.firstAttemptAt()));
                    s.setTimestamp(4, Timestamp.from(o.finishedAt()));
                    s.setString(5, o.error());
                    s.setLong(6, o.run().caseId);
                    s.setInt(7, o.seq());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    void markPlanned(long caseId, int recipients, int skippedUnreachable, int skippedRecentlyNotified, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE exposure_case SET planned_at = ?, recipients = ?, "
                    + "skipped_unreachable = ?, skipped_recently_notified = ? WHERE id = ?")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setInt(2, recipients);
                s.setInt(3, skippedUnreachable);
                s.setInt(4, skippedRecentlyNotified);
                s.setLong(5, caseId);
                s.executeUpdate();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("recipients", recipients);
            details.put("skippedUnreachable", skippedUnreachable);
            details.put("skippedRecentlyNotified", skippedRecentlyNotified);
            audit.record(Actor.SYSTEM, AuditAction.RECIPIENTS_PLANNED, caseId, details);
            return null;
        });
    }

    /** Batches still pending when the deadline passed are failed: retrying later could deliver twice. */
    int failPending(long caseId, String reason, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE delivery_batch SET status = 'FAILED', "
                    + "recipients = NULL, finished_at = ?, last_error = ? WHERE case_id = ? AND status = 'PENDING'")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setString(2, reason);
                s.setLong(3, caseId);
                return s.executeUpdate();
            }
        });
    }

    /**
     * SENDING → DONE or FAILED, audited with the batch counts; a case cancelled meanwhile stays CANCELLED (false).
     */
    boolean finish(long caseId, boolean failed, String reason, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE exposure_case SET state = ?, finished_at = ?, "
                    + "failure_reason = ? WHERE id = ? AND state = 'SENDING'")) {
                s.setString(1, failed ? "FAILED" : "DONE");
                s.setTimestamp(2, Timestamp.from(now));
                s.setString(3, reason);
                s.setLong(4, caseId);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("state", failed ? "FAILED" : "DONE");
            details.putAll(batchCounts(c, caseId));
            if (reason != null) {
                details.put("reason", reason);
            }
            audit.record(Actor.SYSTEM, AuditAction.SENDING_FINISHED, caseId, details);
            return true;
        });
    }

    private static boolean stillSending(Connection c, long caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT state FROM exposure_case WHERE id = ? FOR SHARE")) {
            s.setLong(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && "SENDING".equals(rs.getString(1));
            }
        }
    }

    private static Map<String, Object> batchCounts(Connection c, long caseId) throws SQLException {
        Map<String, Object> counts = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FILTER (WHERE status = 'SENT'), "
                + "count(*) FILTER (WHERE status = 'FAILED'), coalesce(sum(recipient_count) FILTER "
                + "(WHERE status = 'SENT'), 0), coalesce(sum(recipient_count) FILTER (WHERE status = 'FAILED'), 0), "
                + "coalesce(sum(erased_before_sending), 0) FROM delivery_batch WHERE case_id = ?")) {
            s.setLong(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                counts.put("batchesSent", rs.getInt(1));
                counts.put("batchesFailed", rs.getInt(2));
                counts.put("recipientsSent", rs.getInt(3));
                counts.put("recipientsFailed", rs.getInt(4));
                counts.put("recipientsErasedBeforeSending", rs.getInt(5));
            }
        }
        return counts;
    }
}
