package jp.moshisapo.notification.matching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The one definition of "visits matching a case", shared by the preview, the 24-hour rule and the recipient
 * planner so the count staff approve is the set that gets the message. Visits past retention never match, even in
 * the hours before their partition is dropped.
 */
public final class MatchQuery {

    /** Binds, in order: window starts, window ends, codes, retention horizon. Aliases: v (visit), u (unreachable). */
    public static final String FROM = """
            FROM unnest(?::timestamptz[], ?::timestamptz[]) AS w(starts_at, ends_at)
            JOIN visit v ON v.code = ANY(?) AND v.visited_at >= greatest(w.starts_at, ?::timestamptz)
                        AND v.visited_at < w.ends_at
            LEFT JOIN unreachable_resident u ON u.resident_key = v.resident_key
            """;

    private MatchQuery() {
    }

    /** Binds the {@link #FROM} parameters from {@code index}; returns the next free index. */
    public static int bind(Connection c, PreparedStatement s, int index, CaseTarget target, Instant horizon)
            throws SQLException {
        s.setArray(index, texts(c, target.windows().starts()));
        s.setArray(index + 1, texts(c, target.windows().ends()));
        s.setArray(index + 2, c.createArrayOf("text", target.codes().toArray(new String[0])));
        s.setString(index + 3, horizon.toString());
        return index + 4;
    }

    private static java.sql.Array texts(Connection c, Instant[] instants) throws SQLException {
        return c.createArrayOf("text", Arrays.stream(instants).map(Instant::toString).toArray(String[]::new));
    }
}
