package jp.moshisapo.facility.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.moshisapo.database.DataAccessException;
import jp.moshisapo.facility.jdbc.Jdbc;
import jp.moshisapo.facility.problem.Refusals;
import org.jboss.logging.Logger;
import jp.moshisapo.facility.text.VenueTexts;

/**
 * {@code facility.staff_audit}: the append-only record of which staff member read which venue's contact data.
 * {@link #record} joins the caller's transaction, so an entry exists exactly when the read it describes was
 * answered; there is no update or delete path here, and the table's triggers refuse one from anywhere else.
 */
@ApplicationScoped
public class StaffAuditLog {

    private static final Logger LOG = Logger.getLogger(StaffAuditLog.class);
    /** Entries are shown in the prefecture's time, as notification-service shows its own log. */
    private static final ZoneId SHOWN_IN = ZoneId.of("Asia/Tokyo");
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final ObjectMapper json;

    StaffAuditLog(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Writes one entry in the current transaction. Details hold codes, ids and outcomes, never the contact data
     * itself. A failed write is a 503: staff see no venue data that the log does not show they saw.
     */
    public void record(Actor actor, AuditAction action, Map<String, ?> details) {
        String detailsJson;
        try {
            detailsJson = json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serialisable", e);
        }
        try {
            jdbc.update("INSERT INTO facility.staff_audit (actor, actor_name, action, details) "
                    + "VALUES (?, ?, ?, ?::jsonb)", actor.subject(), actor.name(), action, detailsJson);
        } catch (DataAccessException e) {
            String state = e.getCause() instanceof SQLException sql ? sql.getSQLState() : "none";
            LOG.warnf("staff audit entry not written (SQLState %s); the read is refused", state);
            throw Refusals.unavailable(VenueTexts::problem_audit_unavailable);
        }
    }

    /** Newest first, optionally for one user name; {@code beforeId} pages backwards. */
    public List<AuditEntry> find(String userName, long beforeId, int limit) {
        return jdbc.list("""
                SELECT id, at, actor, actor_name, action, case_id, details FROM facility.staff_audit
                WHERE (?::text IS NULL OR actor_name = ?) AND id < ? ORDER BY id DESC LIMIT ?""",
                row -> {
                    long caseId = row.getLong("case_id");
                    Long entryCase = row.wasNull() ? null : caseId;
                    return new AuditEntry(row.getLong("id"), Jdbc.instant(row, "at").atZone(SHOWN_IN)
                            .toOffsetDateTime(), row.getString("actor_name"), row.getString("actor"),
                            AuditAction.valueOf(row.getString("action")), entryCase, details(row.getString("details")));
                }, userName, userName, beforeId, limit);
    }

    private Map<String, Object> details(String text) {
        try {
            return json.readValue(text, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit details", e);
        }
    }
}
