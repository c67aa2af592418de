package jp.moshisapo.notification.matching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The one definition of "visits matching a case", shared by the preview, the 24-hour rule and the recipient
 * planner so the count staff approve is the set that gets the message. Visits past retention never match, even in
 * the hours before their partition is dropped.
 *
 * <p>A visit to code k scanned at t matches window [s, e) when its stay [t, t + stay(k)] meets the window, i.e.
 * {@code s - stay(k) <= t < e}; with a stay of zero that is the scan-in-window rule. Each (code, window) pair is one
 * range scan of the index (code, visited_at): the stay only moves the range's start back. The windows are disjoint
 * and sorted; a widened window starts no earlier than the previous window's end, so no visit matches twice.
 */
public final class MatchQuery {

    /**
     * Binds, in order: window starts, window ends, previous windows' ends, codes, stays, retention horizon.
     * Aliases: w (window), k (code and stay), v (visit), u (unreachable).
     */
    public static final String FROM = """
            FROM unnest(?::timestamptz[], ?::timestamptz[], ?::timestamptz[]) AS w(starts_at, ends_at, after)
            CROSS JOIN unnest(?::text[], ?::interval[]) AS k(code, stay)
            JOIN visit v ON v.code = k.code
                        AND v.visited_at >= greatest(w.starts_at - k.stay, w.after, ?::timestamptz)
                        AND v.visited_at < w.ends_at
            LEFT JOIN unreachable_resident u ON u.resident_key = v.resident_key
            """;

    /** True for a visit whose scan itself lies in the window (the scan-in-window rule). */
    public static final String SCANNED_IN_WINDOW = "v.visited_at >= w.starts_at";

    private MatchQuery() {
    }

    /** Binds {@link #FROM} for the visits the case matches under its rule; returns the next free index. */
    public static int bind(Connection c, PreparedStatement s, int index, CaseTarget target, Instant horizon)
            throws SQLException {
        return bind(c, s, index, target, target.matchingStays(), horizon);
    }

    /**
     * Binds {@link #FROM} for every visit whose stay overlaps a window, whatever the case's rule: the preview
     * compares both rules, and narrows to the case's own with {@link #SCANNED_IN_WINDOW} for a scan-rule case.
     */
    public static int bindStayOverlap(Connection c, PreparedStatement s, int index, CaseTarget target,
            Instant horizon) throws SQLException {
        return bind(c, s, index, target, target.stays(), horizon);
    }

    private static int bind(Connection c, PreparedStatement s, int index, CaseTarget target, List<Duration> stays,
            Instant horizon) throws SQLException {
        s.setArray(index, texts(c, target.windows().starts()));
        s.setArray(index + 1, texts(c, target.windows().ends()));
        s.setArray(index + 2, texts(c, target.windows().previousEnds()));
        s.setArray(index + 3, c.createArrayOf("text", target.codes().toArray(new String[0])));
        s.setArray(index + 4, c.createArrayOf("text",
                stays.stream().map(d -> d.toSeconds() + " seconds").toArray(String[]::new)));
        s.setString(index + 5, horizon.toString());
        return index + 6;
    }

    private static java.sql.Array texts(Connection c, Instant[] instants) throws SQLException {
        return c.createArrayOf("text", Arrays.stream(instants)
                .map(i -> i == null ? "-infinity" : i.toString()).toArray(String[]::new));
    }
}
