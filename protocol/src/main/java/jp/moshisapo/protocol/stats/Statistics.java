package jp.moshisapo.protocol.stats;

import java.util.List;

/**
 * What one service answers at {@code /admin/stats/...}: its tables, and the smallest count it publishes
 * ({@code suppressedBelow}: a count of residents from 1 to this minus one is shown as null, so that no cell can
 * point at one or two people; 0 when the service's counts are not about residents).
 */
public record Statistics(int suppressedBelow, List<StatsTable> tables) {

    public Statistics {
        tables = List.copyOf(tables);
    }
}
