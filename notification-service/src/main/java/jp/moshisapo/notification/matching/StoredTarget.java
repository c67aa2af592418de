package jp.moshisapo.notification.matching;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Reads a case's target from its exposure_case row: the one place that knows how a target is stored. */
public final class StoredTarget {

    /** The columns {@link #read} needs. */
    public static final String COLUMNS = "codes, window_starts, window_ends, match_rule, stay_seconds";

    private StoredTarget() {
    }

    public static CaseTarget read(ResultSet rs) throws SQLException {
        Timestamp[] starts = (Timestamp[]) rs.getArray("window_starts").getArray();
        Timestamp[] ends = (Timestamp[]) rs.getArray("window_ends").getArray();
        List<TimeWindow> windows = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            windows.add(new TimeWindow(starts[i].toInstant(), ends[i].toInstant()));
        }
        List<String> codes = List.of((String[]) rs.getArray("codes").getArray());
        // Cases created before stays existed have none: they match by scan, as when they were previewed.
        Array staySeconds = rs.getArray("stay_seconds");
        List<Duration> stays = staySeconds == null ? Collections.nCopies(codes.size(), Duration.ZERO)
                : Arrays.stream((Integer[]) staySeconds.getArray()).map(Duration::ofSeconds).toList();
        return new CaseTarget(codes, new MatchWindows(windows), MatchRule.valueOf(rs.getString("match_rule")), stays);
    }
}
