package jp.moshisapo.notification.matching;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * How a case's target is stored in its exposure_case row (codes, window starts and ends, rule, stay seconds): the
 * one place that turns those columns back into a {@link CaseTarget}, for the case entity and for SQL that reads the
 * columns itself.
 */
public final class StoredTarget {

    /** The columns {@link #read} needs. */
    public static final String COLUMNS = "codes, window_starts, window_ends, match_rule, stay_seconds";

    private StoredTarget() {
    }

    public static CaseTarget read(ResultSet rs) throws SQLException {
        Array staySeconds = rs.getArray("stay_seconds");
        return of((String[]) rs.getArray("codes").getArray(), instants(rs, "window_starts"),
                instants(rs, "window_ends"), MatchRule.valueOf(rs.getString("match_rule")),
                staySeconds == null ? null : (Integer[]) staySeconds.getArray());
    }

    /** {@code staySeconds} is null for cases created before stays existed: they match by scan, as previewed. */
    public static CaseTarget of(String[] codes, Instant[] starts, Instant[] ends, MatchRule rule,
            Integer[] staySeconds) {
        List<TimeWindow> windows = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            windows.add(new TimeWindow(starts[i], ends[i]));
        }
        List<Duration> stays = staySeconds == null ? Collections.nCopies(codes.length, Duration.ZERO)
                : Arrays.stream(staySeconds).map(Duration::ofSeconds).toList();
        return new CaseTarget(List.of(codes), new MatchWindows(windows), rule, stays);
    }

    private static Instant[] instants(ResultSet rs, String column) throws SQLException {
        return Arrays.stream((Timestamp[]) rs.getArray(column).getArray()).map(Timestamp::toInstant)
                .toArray(Instant[]::new);
    }
}
