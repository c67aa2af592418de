package jp.moshisapo.notification.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.moshisapo.notification.audit.Actor;
import jp.moshisapo.notification.audit.AuditAction;
import jp.moshisapo.notification.audit.AuditLog;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.notification.exposure.CaseEvents;

/**
 * Pauses sending when LINE refuses for a reason no retry fixes, instead of failing batches or retrying until the
 * deadline: the monthly message limit pauses the case that met it; an expired or revoked token (401/403) pauses
 * every sending case, since every request of the channel now fails. The pause is audited, counted in
 * {@code moshisapo_notification_case_pauses_total{cause}}, and the runs stop; their unsent batches stay PENDING
 * with their retry keys until an approver resumes the case.
 */
@ApplicationScoped
@Startup // the counters exist (at 0) from the start, so an alert sees 0 rather than no data
public class CasePauses {

    private final Db db;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<CaseEvents.Paused> paused;
    private final Map<SendResult.PauseCause, Counter> pauses = new EnumMap<>(SendResult.PauseCause.class);

    CasePauses(Db db, AuditLog audit, Clock clock, Event<CaseEvents.Paused> paused, MeterRegistry registry) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.paused = paused;
        for (SendResult.PauseCause cause : SendResult.PauseCause.values()) {
            pauses.put(cause, Counter.builder("moshisapo.notification.case.pauses")
                    .description("Sending cases paused because LINE refused for the channel (monthly limit, token)")
                    .tag("cause", cause.name()).register(registry));
        }
    }

    /**
     * Pauses the run's case (MONTHLY_LIMIT) or every SENDING case (CHANNEL_AUTH); a case already paused stays so.
     * Only while the run is still the case's current one: a refusal answered after an approver resumed the case
     * (LINE decided it before the plan was raised or the token replaced) belongs to the run before the resume and
     * must not pause the new one, which would then wait for a second resume nobody knows is needed.
     */
    void pause(CaseRun run, SendResult result) {
        SendResult.PauseCause cause = result.pauseCause();
        String reason = result.describe();
        Instant now = clock.instant();
        List<Long> ids = db.inTransaction(c -> {
            List<Long> stopped = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("UPDATE exposure_case SET state = 'PAUSED', "
                    + "pause_cause = ?, pause_reason = ?, paused_at = ? WHERE state = 'SENDING' "
                    + (cause == SendResult.PauseCause.CHANNEL_AUTH ? "" : "AND id = ? ")
                    + "AND EXISTS (SELECT 1 FROM exposure_case refused WHERE refused.id = ? "
                    + "AND refused.state = 'SENDING' AND coalesce(refused.resumed_at, refused.approved_at) = ?) "
                    + "RETURNING id")) {
                int i = 0;
                s.setString(++i, cause.name());
                s.setString(++i, reason);
                s.setTimestamp(++i, Timestamp.from(now));
                if (cause != SendResult.PauseCause.CHANNEL_AUTH) {
                    s.setLong(++i, run.caseId);
                }
                s.setLong(++i, run.caseId);
                s.setTimestamp(++i, Timestamp.from(run.sendingSince));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stopped.add(rs.getLong(1));
                    }
                }
            }
            for (long id : stopped) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("cause", cause.name());
                details.put("reason", reason);
                audit.record(Actor.SYSTEM, AuditAction.CASE_PAUSED, id, details);
            }
            return stopped;
        });
        if (ids.isEmpty()) {
            return; // another answer paused it first, or the case was resumed since this run began
        }
        pauses.get(cause).increment(ids.size());
        Log.warnf("Paused cases %s: %s (%s). An approver resumes them once fixed: docs/operations.md", ids, cause,
                reason);
        paused.fire(new CaseEvents.Paused(ids));
    }
}
