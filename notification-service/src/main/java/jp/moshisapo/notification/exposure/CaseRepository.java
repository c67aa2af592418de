package jp.moshisapo.notification.exposure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jp.moshisapo.notification.audit.Actor;
import jp.moshisapo.notification.matching.CaseTarget;
import jp.moshisapo.notification.matching.StoredTarget;

/** The exposure_case table; every method works inside the caller's transaction. */
@ApplicationScoped
public class CaseRepository {

    private static final String COLUMNS = "id, state, " + StoredTarget.COLUMNS + ", message, note, created_by, "
            + "created_by_name, created_at, approved_by, approved_by_name, approved_at, cancelled_by, "
            + "cancelled_by_name, cancelled_at, planned_at, recipients, skipped_unreachable, "
            + "skipped_recently_notified, finished_at, failure_reason, pause_cause, pause_reason, paused_at, resumed_at";

    public long insert(Connection c, CaseDraft draft, Actor actor, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO exposure_case (state, codes, window_starts, "
                + "window_ends, message, note, created_by, created_by_name, created_at, match_rule, stay_seconds) "
                + "VALUES ('DRAFT', ?, ?::timestamptz[], ?::timestamptz[], ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            s.setArray(1, c.createArrayOf("text", draft.target().codes().toArray(new String[0])));
            s.setArray(2, instants(c, draft.target().windows().starts()));
            s.setArray(3, instants(c, draft.target().windows().ends()));
            s.setString(4, draft.message());
            s.setString(5, draft.note());
            s.setString(6, actor.subject());
            s.setString(7, actor.name());
            s.setTimestamp(8, Timestamp.from(now));
            s.setString(9, draft.target().rule().name());
            s.setArray(10, c.createArrayOf("integer",
                    draft.target().stays().stream().map(d -> (int) d.toSeconds()).toArray(Integer[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public Optional<ExposureCase> find(Connection c, long id) throws SQLException {
        return find(c, id, false);
    }

    /** Reads and locks the case row: the state transitions of one case happen one at a time. */
    public Optional<ExposureCase> lock(Connection c, long id) throws SQLException {
        return find(c, id, true);
    }

    private Optional<ExposureCase> find(Connection c, long id, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM exposure_case WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Newest first; {@code beforeId} pages backwards; {@code state} null means all. */
    public List<ExposureCase> list(Connection c, CaseState state, long beforeId, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM exposure_case "
                + "WHERE (?::text IS NULL OR state = ?) AND id < ? ORDER BY id DESC LIMIT ?")) {
            String stateName = state == null ? null : state.name();
            s.setString(1, stateName);
            s.setString(2, stateName);
            s.setLong(3, beforeId);
            s.setInt(4, limit);
            List<ExposureCase> cases = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    cases.add(read(rs));
                }
            }
            return cases;
        }
    }

    public void approve(Connection c, long id, Actor approver, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE exposure_case SET state = 'SENDING', approved_by = ?, "
                + "approved_by_name = ?, approved_at = ? WHERE id = ? AND state = 'DRAFT'")) {
            s.setString(1, approver.subject());
            s.setString(2, approver.name());
            s.setTimestamp(3, Timestamp.from(now));
            s.setLong(4, id);
            requireOneRow(s, id);
        }
    }

    public void cancel(Connection c, long id, Actor actor, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE exposure_case SET state = 'CANCELLED', "
                + "cancelled_by = ?, cancelled_by_name = ?, cancelled_at = ?, finished_at = ? WHERE id = ? "
                + "AND state IN ('DRAFT', 'SENDING', 'PAUSED')")) {
            s.setString(1, actor.subject());
            s.setString(2, actor.name());
            s.setTimestamp(3, Timestamp.from(now));
            s.setTimestamp(4, Timestamp.from(now));
            s.setLong(5, id);
            requireOneRow(s, id);
        }
    }

    /** PAUSED → SENDING; the sending deadline counts again from now. */
    public void resume(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE exposure_case SET state = 'SENDING', resumed_at = ? "
                + "WHERE id = ? AND state = 'PAUSED'")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setLong(2, id);
            requireOneRow(s, id);
        }
    }

    /**
     * Messages that cases already SENDING or PAUSED will still use: their unsent batches' recipients (one message
     * each). A case approved but not yet planned has no batches yet and counts nothing here: planning takes
     * seconds, and a case that then does not fit is paused, not sent twice.
     */
    public long committedMessages(Connection c, long exceptCaseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT coalesce(sum(b.recipient_count), 0) "
                + "FROM delivery_batch b JOIN exposure_case e ON e.id = b.case_id "
                + "WHERE e.state IN ('SENDING', 'PAUSED') AND b.status = 'PENDING' AND b.case_id <> ?")) {
            s.setLong(1, exceptCaseId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Messages this case's unsent batches will use. */
    public long unsentMessages(Connection c, long caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT coalesce(sum(recipient_count), 0) FROM delivery_batch "
                + "WHERE case_id = ? AND status = 'PENDING'")) {
            s.setLong(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void requireOneRow(PreparedStatement s, long id) throws SQLException {
        // Callers hold the row lock and checked the state, so anything else is a bug, not a user error.
        if (s.executeUpdate() != 1) {
            throw new IllegalStateException("case " + id + " was not in the expected state");
        }
    }

    static Array instants(Connection c, Instant[] instants) throws SQLException {
        return c.createArrayOf("text", Arrays.stream(instants).map(Instant::toString).toArray(String[]::new));
    }

    private static ExposureCase read(ResultSet rs) throws SQLException {
        CaseTarget target = StoredTarget.read(rs);
        return new ExposureCase(rs.getLong("id"), CaseState.valueOf(rs.getString("state")), target,
                rs.getString("message"), rs.getString("note"),
                actor(rs, "created_by"), instant(rs, "created_at"),
                actor(rs, "approved_by"), instant(rs, "approved_at"),
                actor(rs, "cancelled_by"), instant(rs, "cancelled_at"),
                instant(rs, "planned_at"), integer(rs, "recipients"), integer(rs, "skipped_unreachable"),
                integer(rs, "skipped_recently_notified"), instant(rs, "finished_at"), rs.getString("failure_reason"),
                rs.getString("pause_cause"), rs.getString("pause_reason"), instant(rs, "paused_at"),
                instant(rs, "resumed_at"));
    }

    private static Actor actor(ResultSet rs, String column) throws SQLException {
        String subject = rs.getString(column);
        return subject == null ? null : new Actor(subject, rs.getString(column + "_name"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
