package jp.moshisapo.notification.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.moshisapo.notification.config.VisitStoreConfig;

/**
 * The append-only record of who did what to which case, with counts. Entries are written in the same transaction
 * as the change they describe, so the log and the cases never disagree. There is no update or delete path here;
 * the service's database role may only INSERT and SELECT on the table, and the database numbers and hash-chains
 * every entry on insert ({@code AuditChainReader} verifies the chain).
 */
@ApplicationScoped
public class AuditLog {

    /** The table, schema-qualified, for the chain's verification. */
    public static final String TABLE = "notification.audit_event";

    /** How finely repeated reads of the same case by the same person are logged. */
    static final Duration VIEW_RESOLUTION = Duration.ofMinutes(5);

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final ZoneId zone;

    AuditLog(ObjectMapper json, VisitStoreConfig config) {
        this.json = json;
        this.zone = config.zone();
    }

    /** Details hold counts, states and codes; never LINE user ids or tokens. */
    public void record(Connection c, Actor actor, AuditAction action, Long caseId, Map<String, ?> details)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_event (actor, actor_name, action, case_id, "
                + "details) VALUES (?, ?, ?, ?, ?::jsonb)")) {
            s.setString(1, actor.subject());
            s.setString(2, actor.name());
            s.setString(3, action.name());
            if (caseId == null) {
                s.setNull(4, Types.BIGINT);
            } else {
                s.setLong(4, caseId);
            }
            s.setString(5, json.writeValueAsString(details));
            s.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serialisable", e);
        }
    }

    /**
     * Records that someone read a case or its report, at most once per reader, case and action every
     * {@link #VIEW_RESOLUTION}: the console re-reads a sending case every two seconds, and the log should say who
     * looked, not drown the decisions in thousands of reads.
     */
    public void recordView(Connection c, Actor actor, AuditAction action, long caseId, Map<String, ?> details)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM audit_event WHERE case_id = ? AND actor = ? "
                + "AND action = ? AND at > clock_timestamp() - ?::interval LIMIT 1")) {
            s.setLong(1, caseId);
            s.setString(2, actor.subject());
            s.setString(3, action.name());
            s.setString(4, VIEW_RESOLUTION.toSeconds() + " seconds");
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        record(c, actor, action, caseId, details);
    }

    /** Newest first, optionally for one case and/or one user name; {@code beforeId} pages backwards. */
    public List<AuditEntry> find(Connection c, Long caseId, String userName, long beforeId, int limit)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, seq, at, actor, actor_name, action, case_id, details "
                + "FROM audit_event WHERE (?::bigint IS NULL OR case_id = ?) AND (?::text IS NULL OR actor_name = ?) "
                + "AND id < ? ORDER BY id DESC LIMIT ?")) {
            s.setObject(1, caseId, Types.BIGINT);
            s.setObject(2, caseId, Types.BIGINT);
            s.setString(3, userName);
            s.setString(4, userName);
            s.setLong(5, beforeId);
            s.setInt(6, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("case_id");
                    Long entryCase = rs.wasNull() ? null : id;
                    entries.add(new AuditEntry(rs.getLong("id"),
                            rs.getTimestamp("at").toInstant().atZone(zone).toOffsetDateTime(),
                            rs.getString("actor_name"), rs.getString("actor"), AuditAction.valueOf(rs.getString("action")),
                            entryCase, json.readValue(rs.getString("details"), DETAILS), rs.getLong("seq")));
                }
            }
            return entries;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit details", e);
        }
    }
}
