package jp.moshisapo.notification.matching;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.moshisapo.notification.visit.Retention;

/**
 * Counts a case's reach: one grouped index-only scan over (code, visited_at) per code and window, widened back by
 * the code's stay so both rules are counted at once.
 */
@ApplicationScoped
public class PreviewQuery {

    /**
     * Totals and per code, in one pass over the stay-overlap range: {@code %s} is the case's own rule, true for a
     * stay-rule case, {@link MatchQuery#SCANNED_IN_WINDOW} for a scan-rule one.
     */
    private static final String COUNTS = "SELECT v.code, count(*) FILTER (WHERE %1$s), "
            + "count(DISTINCT v.resident_key) FILTER (WHERE %1$s), "
            + "count(DISTINCT v.resident_key) FILTER (WHERE %1$s AND u.resident_key IS NOT NULL), "
            + "count(DISTINCT v.resident_key) FILTER (WHERE " + MatchQuery.SCANNED_IN_WINDOW + "), "
            + "count(DISTINCT v.resident_key) "
            + MatchQuery.FROM + "GROUP BY GROUPING SETS ((v.code), ())";
    private static final String COUNTS_BY_STAY = COUNTS.formatted("true");
    private static final String COUNTS_BY_SCAN = COUNTS.formatted(MatchQuery.SCANNED_IN_WINDOW);
    private static final String REACHABLE_RESIDENTS = "SELECT DISTINCT v.resident_key " + MatchQuery.FROM
            + "WHERE u.resident_key IS NULL";

    private final Retention retention;
    private final RecentlyNotified recentlyNotified;

    PreviewQuery(Retention retention, RecentlyNotified recentlyNotified) {
        this.retention = retention;
        this.recentlyNotified = recentlyNotified;
    }

    /** The preview of {@code target} as of {@code now}; {@code caseId} is excluded from the 24-hour rule. */
    public Preview preview(Connection c, long caseId, CaseTarget target, Instant now) throws SQLException {
        Instant horizon = retention.horizon(now);
        int visits = 0;
        int residents = 0;
        int unreachable = 0;
        List<Preview.CodeCount> codes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                target.rule() == MatchRule.STAY ? COUNTS_BY_STAY : COUNTS_BY_SCAN)) {
            MatchQuery.bindStayOverlap(c, s, 1, target, horizon);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    if (code == null) {
                        visits = rs.getInt(2);
                        residents = rs.getInt(3);
                        unreachable = rs.getInt(4);
                    } else {
                        codes.add(new Preview.CodeCount(code, rs.getInt(2), rs.getInt(3), rs.getInt(5), rs.getInt(6)));
                    }
                }
            }
        }
        int recent = countRecentlyNotified(c, caseId, target, now, horizon);
        return new Preview(visits, residents, unreachable, recent, residents - unreachable - recent, codes);
    }

    private int countRecentlyNotified(Connection c, long caseId, CaseTarget target, Instant now, Instant horizon)
            throws SQLException {
        ResidentKeySet recent = recentlyNotified.residents(c, caseId, target, now);
        if (recent.size() == 0) {
            return 0; // the common case: no overlapping case sent recently, no second scan
        }
        int count = 0;
        try (PreparedStatement s = c.prepareStatement(REACHABLE_RESIDENTS)) {
            MatchQuery.bind(c, s, 1, target, horizon);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    count += recent.contains(rs.getBytes(1)) ? 1 : 0;
                }
            }
        }
        return count;
    }
}
