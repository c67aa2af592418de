package jp.moshisapo.notification.matching;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.moshisapo.notification.config.FanoutConfig;

/**
 * The 24-hour rule: residents already notified (or about to be, in a case still sending) for an overlapping case
 * within the recently-notified period. Cases are few, so overlap is decided in Java from their targets; the
 * residents come from the batches' resident keys.
 */
@ApplicationScoped
public class RecentlyNotified {

    private final FanoutConfig config;

    RecentlyNotified(FanoutConfig config) {
        this.config = config;
    }

    public ResidentKeySet residents(Connection c, long caseId, CaseTarget target, Instant now) throws SQLException {
        Instant notifiedSince = now.minus(config.recentlyNotified());
        List<Long> overlapping = overlappingCases(c, caseId, target, notifiedSince.minus(config.deadline()));
        ResidentKeySet residents = new ResidentKeySet();
        if (overlapping.isEmpty()) {
            return residents;
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT b.resident_keys FROM delivery_batch b JOIN exposure_case c ON c.id = b.case_id
                WHERE b.case_id = ANY(?) AND b.resident_keys IS NOT NULL
                  AND ((b.status = 'SENT' AND b.finished_at > ?) OR (b.status = 'PENDING' AND c.state = 'SENDING'))
                """)) {
            s.setArray(1, c.createArrayOf("bigint", overlapping.toArray()));
            s.setTimestamp(2, Timestamp.from(notifiedSince));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    residents.addAll(rs.getBytes(1));
                }
            }
        }
        return residents;
    }

    /** Cases approved recently enough to have sent within the period, sharing a code and a time with this one. */
    private static List<Long> overlappingCases(Connection c, long caseId, CaseTarget target, Instant approvedSince)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, " + StoredTarget.COLUMNS
                + " FROM exposure_case WHERE id <> ? AND approved_at > ? AND codes && ?")) {
            s.setLong(1, caseId);
            s.setTimestamp(2, Timestamp.from(approvedSince));
            s.setArray(3, c.createArrayOf("text", target.codes().toArray(new String[0])));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (target.overlaps(StoredTarget.read(rs))) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }
}
