package jp.moshisapo.protocol.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.moshisapo.protocol.audit.AuditChain.Anchor;
import jp.moshisapo.protocol.audit.AuditChain.Entry;
import jp.moshisapo.protocol.audit.AuditChain.Verification;

/**
 * Reads an audit table in seq order and verifies its hash chain. Plain JDBC (the JDK's java.sql, no framework),
 * so that the services' admin endpoints and the operators' command ({@link VerifyAuditChain}) run the very same
 * code.
 */
public final class AuditChainReader {

    private static final int FETCH = 1_000;

    private AuditChainReader() {
    }

    /**
     * Verifies the whole chain of {@code table} (a constant such as {@code audit_event}, never user input) inside
     * one read-only transaction of {@code c}: a snapshot, entries appended meanwhile are left for the next run. An
     * audit log holds a few entries per case or lookup, so it is read into memory. With {@code anchor} (null:
     * none) the chain must also still pass through that earlier head.
     */
    public static Verification verify(Connection c, String table, Anchor anchor) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement("SELECT seq, at, actor, actor_name, action, case_id, "
                + "details::text, prev_hash, hash FROM " + table + " ORDER BY seq, id")) {
            s.setFetchSize(FETCH);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long caseNumber = rs.getLong("case_id");
                    Long caseId = rs.wasNull() ? null : caseNumber;
                    entries.add(new Entry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                            rs.getString("actor"), rs.getString("actor_name"), rs.getString("action"),
                            caseId, rs.getString("details"), rs.getBytes("prev_hash"), rs.getBytes("hash")));
                }
            }
            return AuditChain.verify(entries, anchor);
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }
}
