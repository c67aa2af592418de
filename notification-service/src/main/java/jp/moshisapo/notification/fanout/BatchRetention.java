package jp.moshisapo.notification.fanout;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import jp.moshisapo.notification.config.FanoutConfig;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.notification.visit.RetentionStep;

/**
 * Clears a batch's resident keys and recipients once nothing can need them. The keys serve the 24-hour rule
 * alone ({@code RecentlyNotified} reads the batches of cases approved within FANOUT_RECENTLY_NOTIFIED +
 * FANOUT_DEADLINE, 48 h by default) and a restart's "already planned" set (a case plans within its deadline).
 * Beyond that horizon they would only say "this resident was sent the notice of case N", which is health-related.
 * Run by the store maintenance, so a key lives at most the horizon + VISIT_MAINTENANCE_EVERY after approval.
 */
@ApplicationScoped
class BatchRetention implements RetentionStep {

    private final Db db;
    private final FanoutConfig config;

    BatchRetention(Db db, FanoutConfig config) {
        this.db = db;
        this.config = config;
    }

    /** Cases approved at or before this instant no longer take part in the 24-hour rule. */
    Instant horizon(Instant now) {
        return now.minus(config.recentlyNotified()).minus(config.deadline());
    }

    @Override
    public void expire(Instant now) {
        int cleared = db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE delivery_batch b SET resident_keys = NULL, "
                    + "recipients = NULL FROM exposure_case e WHERE e.id = b.case_id AND e.approved_at <= ? "
                    + "AND (b.resident_keys IS NOT NULL OR b.recipients IS NOT NULL)")) {
                s.setTimestamp(1, Timestamp.from(horizon(now)));
                return s.executeUpdate();
            }
        });
        if (cleared > 0) {
            Log.infof("Cleared resident keys of %d delivery batches past the 24-hour rule's horizon", cleared);
        }
    }
}
