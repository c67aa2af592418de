package jp.moshisapo.notification.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.moshisapo.protocol.audit.AuditChain;
import jp.moshisapo.protocol.audit.AuditChain.Anchor;
import jp.moshisapo.protocol.audit.AuditChain.Entry;
import jp.moshisapo.protocol.audit.AuditChain.Verification;

/**
 * Reads {@code audit_event} in seq order and verifies its hash chain. Plain JDBC without the service around it,
 * so that the operators' command ({@link VerifyAuditChain}) runs the very same code as the admin endpoint.
 */
public final class AuditChainReader {

    private static final int FETCH = 1_000;

    private AuditChainReader() {
    }

    /**
     * Verifies the whole chain inside one read-only transaction of {@code c} (a snapshot: entries appended
     * meanwhile are left for the next run). The log holds a few entries per case, so it is read into memory.
     */
    public static Verification verify(Connection c) throws SQLException {
        return verify(c, null);
    }

    /** As {@link #verify(Connection)}, and the chain must pass through {@code anchor} (null: no anchor). */
    public static Verification verify(Connection c, Anchor anchor) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement("SELECT seq, at, actor, actor_name, action, case_id, "
                + "details::text, prev_hash, hash FROM audit_event ORDER BY seq, id")) {
            s.setFetchSize(FETCH);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long caseNumber = rs.getLong("case_id");
                    Long caseId = rs.wasNull() ? null : caseNumber;
                    entries.add(new Entry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                            rs.getString("actor"), rs.getString("actor_name"), rs.getString("action"),
                            caseId, rs.getString("details"), rs.getBytes("prev_hash"),
                            rs.getBytes("hash")));
                }
            }
            return AuditChain.verify(entries, anchor);
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }
}
