package jp.moshisapo.notification.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.moshisapo.notification.config.VisitStoreConfig;

/**
 * The append-only record of who did what to which case, with counts. Entries are written in the same transaction
 * as the change they describe (every method joins the caller's, see {@code Db}), so the log and the cases never
 * disagree. There is no update or delete path here; the service's database role may only INSERT and SELECT on the
 * table, and the database numbers and hash-chains every entry on insert ({@code AuditChainReader} verifies the
 * chain).
 */
@ApplicationScoped
public class AuditLog implements PanacheRepositoryBase<AuditEventEntity, Long> {

    /** The table, schema-qualified, for the chain's verification. */
    public static final String TABLE = "notification.audit_event";

    /** How finely repeated reads of the same case by the same person are logged. */
    static final Duration VIEW_RESOLUTION = Duration.ofMinutes(5);

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final ZoneId zone;
    private final Clock clock;

    AuditLog(ObjectMapper json, VisitStoreConfig config, Clock clock) {
        this.json = json;
        this.zone = config.zone();
        this.clock = clock;
    }

    /**
     * Details hold counts, states and codes; never LINE user ids or tokens. The row is inserted at once (its id
     * comes from the database): the chain's lock is then held to the end of the transaction, so callers record
     * last, after the change the entry describes.
     */
    public void record(Actor actor, AuditAction action, Long caseId, Map<String, ?> details) {
        AuditEventEntity entry = new AuditEventEntity();
        entry.actor = actor.subject();
        entry.actorName = actor.name();
        entry.action = action.name();
        entry.caseId = caseId;
        try {
            entry.details = json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serialisable", e);
        }
        persist(entry);
    }

    /**
     * Records that someone read a case or its report, at most once per reader, case and action every
     * {@link #VIEW_RESOLUTION}: the console re-reads a sending case every two seconds, and the log should say who
     * looked, not drown the decisions in thousands of reads.
     */
    public void recordView(Actor actor, AuditAction action, long caseId, Map<String, ?> details) {
        boolean seenRecently = count("caseId = :caseId and actor = :actor and action = :action and at > :since",
                Parameters.with("caseId", caseId).and("actor", actor.subject()).and("action", action.name())
                        .and("since", clock.instant().minus(VIEW_RESOLUTION))) > 0;
        if (!seenRecently) {
            record(actor, action, caseId, details);
        }
    }

    /** Newest first, optionally for one case and/or one user name; {@code beforeId} pages backwards. */
    public List<AuditEntry> find(Long caseId, String userName, long beforeId, int limit) {
        StringBuilder where = new StringBuilder("id < :before");
        Parameters parameters = Parameters.with("before", beforeId);
        if (caseId != null) {
            where.append(" and caseId = :caseId");
            parameters.and("caseId", caseId);
        }
        if (userName != null) {
            where.append(" and actorName = :userName");
            parameters.and("userName", userName);
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (AuditEventEntity e : find(where.toString(), Sort.descending("id"), parameters).range(0, limit - 1)
                .list()) {
            entries.add(new AuditEntry(e.id, e.at.atZone(zone).toOffsetDateTime(), e.actorName, e.actor,
                    AuditAction.valueOf(e.action), e.caseId, details(e), e.seq));
        }
        return entries;
    }

    private Map<String, Object> details(AuditEventEntity entry) {
        try {
            return json.readValue(entry.details, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit details", e);
        }
    }
}
